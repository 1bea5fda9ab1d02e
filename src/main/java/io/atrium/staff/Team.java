package io.atrium.staff;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.firm.FirmId;

/** A team of a firm: a name, the permissions it grants its members, and its members. */
@Table("team")
class Team {

	@Table("team_member")
	record Member(UUID staffId) {
	}

	private final @Id UUID id;
	private final UUID firmId;
	private String name;
	private final BuiltInTeam builtIn;
	private String permissions;
	private final Instant createdAt;
	@MappedCollection(idColumn = "team_id")
	private final Set<Member> members;
	private @Version Integer version;

	@PersistenceCreator
	Team(UUID id, UUID firmId, String name, BuiltInTeam builtIn, String permissions, Instant createdAt,
			Set<Member> members, Integer version) {
		this.id = id;
		this.firmId = firmId;
		this.name = name;
		this.builtIn = builtIn;
		this.permissions = permissions;
		this.createdAt = createdAt;
		this.members = new HashSet<>(members == null ? Set.of() : members);
		this.version = version;
	}

	static Team builtIn(FirmId firm, BuiltInTeam kind, Instant now) {
		return new Team(UUID.randomUUID(), firm.value(), kind.defaultName(), kind, encode(kind.defaultPermissions()),
				now, Set.of(), null);
	}

	static Team custom(FirmId firm, String name, Set<Permission> permissions, Instant now) {
		return new Team(UUID.randomUUID(), firm.value(), name.strip(), null, encode(permissions), now, Set.of(), null);
	}

	void rename(String name) {
		this.name = name.strip();
	}

	void grant(Set<Permission> permissions) {
		this.permissions = encode(permissions);
	}

	void add(StaffId staff) {
		members.add(new Member(staff.value()));
	}

	void remove(StaffId staff) {
		members.remove(new Member(staff.value()));
	}

	boolean isBuiltIn() {
		return builtIn != null;
	}

	UUID id() {
		return id;
	}

	FirmId firm() {
		return new FirmId(firmId);
	}

	String name() {
		return name;
	}

	BuiltInTeam kind() {
		return builtIn;
	}

	Set<Permission> permissions() {
		return decode(permissions);
	}

	Set<StaffId> members() {
		return members.stream().map(m -> new StaffId(m.staffId())).collect(Collectors.toSet());
	}

	static String encode(Set<Permission> permissions) {
		return permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	static Set<Permission> decode(String permissions) {
		var set = EnumSet.noneOf(Permission.class);
		if (permissions != null && !permissions.isBlank()) {
			Arrays.stream(permissions.split(",")).map(Permission::valueOf).forEach(set::add);
		}
		return set;
	}
}

package io.atrium.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * A piece of work for a client ("2025 1120S"): its type, period, due date, pipeline stage, and its own
 * assignments, each of which overrides the client's for this engagement. Who may do what is decided by the facade;
 * this class keeps the engagement itself consistent.
 */
@Table("engagement")
class Engagement {

	static final int MAX_NAME = 120;
	static final int MAX_PERIOD = 40;

	/** An engagement's own holder of a role; the client is repeated so that visibility needs no join. */
	@Table("engagement_assignment")
	record Assignment(AssignmentRole role, UUID staffId, UUID firmId, UUID clientId, Instant assignedAt) {
	}

	private final @Id UUID id;
	private final UUID firmId;
	private final UUID clientId;
	private String name;
	private UUID typeId;
	private String period;
	private LocalDate dueDate;
	private UUID stageId;
	private final Instant createdAt;
	@MappedCollection(idColumn = "engagement_id")
	private final Set<Assignment> assignments;
	private @Version Integer version;

	@PersistenceCreator
	Engagement(UUID id, UUID firmId, UUID clientId, String name, UUID typeId, String period, LocalDate dueDate,
			UUID stageId, Instant createdAt, Set<Assignment> assignments, Integer version) {
		this.id = id;
		this.firmId = firmId;
		this.clientId = clientId;
		this.name = name;
		this.typeId = typeId;
		this.period = period;
		this.dueDate = dueDate;
		this.stageId = stageId;
		this.createdAt = createdAt;
		this.assignments = new HashSet<>(assignments == null ? Set.of() : assignments);
		this.version = version;
	}

	static Engagement open(FirmId firm, ClientId client, String name, UUID typeId, String period, LocalDate dueDate,
			UUID stageId, Instant now) {
		Objects.requireNonNull(typeId, "type");
		Objects.requireNonNull(stageId, "stage");
		return new Engagement(UUID.randomUUID(), firm.value(), client.value(), checkedName(name), typeId,
				checkedPeriod(period), dueDate, stageId, now, Set.of(), null);
	}

	/** Changes the details; returns what changed, for people (empty when nothing did). */
	List<String> update(String name, UUID typeId, String period, LocalDate dueDate) {
		Objects.requireNonNull(typeId, "type");
		var newName = checkedName(name);
		var newPeriod = checkedPeriod(period);
		var changes = new ArrayList<String>();
		if (!newName.equals(this.name)) {
			changes.add("name");
		}
		if (!typeId.equals(this.typeId)) {
			changes.add("type");
		}
		if (!Objects.equals(newPeriod, this.period)) {
			changes.add("period");
		}
		if (!Objects.equals(dueDate, this.dueDate)) {
			changes.add("due date");
		}
		this.name = newName;
		this.typeId = typeId;
		this.period = newPeriod;
		this.dueDate = dueDate;
		return changes;
	}

	/** Moves to another stage; false when it already is there. */
	boolean moveTo(UUID stage) {
		Objects.requireNonNull(stage, "stage");
		if (stage.equals(stageId)) {
			return false;
		}
		this.stageId = stage;
		return true;
	}

	/** The engagement's own holder of {@code role}, or null when the client's holds. */
	StaffId assigned(AssignmentRole role) {
		return assignments.stream()
			.filter(a -> a.role() == role)
			.findFirst()
			.map(a -> new StaffId(a.staffId()))
			.orElse(null);
	}

	/**
	 * Overrides the client's {@code role} on this engagement with {@code staff}, or (null) goes back to the client's.
	 * Returns the engagement's previous own holder (null: it had none); nothing changes when it is the same.
	 */
	StaffId assign(AssignmentRole role, StaffId staff, Instant now) {
		Objects.requireNonNull(role, "role");
		var previous = assigned(role);
		if (Objects.equals(previous, staff)) {
			return previous;
		}
		assignments.removeIf(a -> a.role() == role);
		if (staff != null) {
			assignments.add(new Assignment(role, staff.value(), firmId, clientId, now));
		}
		return previous;
	}

	boolean isAssigned(StaffId staff) {
		return assignments.stream().anyMatch(a -> a.staffId().equals(staff.value()));
	}

	private static String checkedName(String name) {
		var stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw new InvalidRequestException("name", "engagement.name.required");
		}
		if (stripped.length() > MAX_NAME) {
			throw new InvalidRequestException("name", "engagement.name.too-long");
		}
		return stripped;
	}

	private static String checkedPeriod(String period) {
		var stripped = period == null ? "" : period.strip();
		if (stripped.length() > MAX_PERIOD) {
			throw new InvalidRequestException("period", "engagement.period.too-long");
		}
		return stripped.isEmpty() ? null : stripped;
	}

	EngagementId id() {
		return new EngagementId(id);
	}

	FirmId firm() {
		return new FirmId(firmId);
	}

	ClientId client() {
		return new ClientId(clientId);
	}

	String name() {
		return name;
	}

	UUID typeId() {
		return typeId;
	}

	String period() {
		return period;
	}

	LocalDate dueDate() {
		return dueDate;
	}

	UUID stageId() {
		return stageId;
	}

	Instant createdAt() {
		return createdAt;
	}
}

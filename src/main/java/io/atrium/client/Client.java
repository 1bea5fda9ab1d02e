package io.atrium.client;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;

/** A client of a firm: an individual (or household) or a business. Its contacts are aggregates of their own. */
@Table("client")
class Client {

	private final @Id UUID id;
	private final UUID firmId;
	private ClientType type;
	private String name;
	private String nameLower;
	private String email;
	private String phone;
	private String notes;
	private ClientStatus status;
	private final Instant createdAt;
	private @Version Integer version;

	@PersistenceCreator
	Client(UUID id, UUID firmId, ClientType type, String name, String nameLower, String email, String phone,
			String notes, ClientStatus status, Instant createdAt, Integer version) {
		this.id = id;
		this.firmId = firmId;
		this.type = type;
		this.name = name;
		this.nameLower = nameLower;
		this.email = email;
		this.phone = phone;
		this.notes = notes;
		this.status = status;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Client create(FirmId firm, NewClient details, Instant now) {
		var client = new Client(UUID.randomUUID(), firm.value(), ClientType.INDIVIDUAL, null, null, null, null, null,
				ClientStatus.ACTIVE, now, null);
		client.edit(details);
		return client;
	}

	/**
	 * Takes new details (checked and normalized) and says which changed, in a few words for the audit log; empty
	 * when nothing did.
	 */
	String edit(NewClient details) {
		if (details.type() == null) {
			throw new InvalidRequestException("type", "client.field.type");
		}
		var newName = Fields.name("name", details.name());
		var newEmail = Fields.email("email", details.email());
		var newPhone = Fields.phone("phone", details.phone());
		var newNotes = Fields.notes("notes", details.notes());
		var changes = new StringJoiner(", ");
		if (name != null && !newName.equals(name)) {
			changes.add("renamed from \"" + name + "\"");
		}
		if (this.name != null && details.type() != type) {
			changes.add("type " + type.name().toLowerCase(Locale.ROOT) + " → " + details.type().name().toLowerCase(Locale.ROOT));
		}
		if (this.name != null && !Objects.equals(newEmail, email)) {
			changes.add("email");
		}
		if (this.name != null && !Objects.equals(newPhone, phone)) {
			changes.add("phone");
		}
		if (this.name != null && !Objects.equals(newNotes, notes)) {
			changes.add("notes");
		}
		this.type = details.type();
		this.name = newName;
		this.nameLower = Fields.lower(newName);
		this.email = newEmail;
		this.phone = newPhone;
		this.notes = newNotes;
		return changes.toString();
	}

	/** False when the client was archived already. */
	boolean archive() {
		if (status == ClientStatus.ARCHIVED) {
			return false;
		}
		status = ClientStatus.ARCHIVED;
		return true;
	}

	/** False when the client was active already. */
	boolean restore() {
		if (status == ClientStatus.ACTIVE) {
			return false;
		}
		status = ClientStatus.ACTIVE;
		return true;
	}

	ClientId id() {
		return new ClientId(id);
	}

	FirmId firm() {
		return new FirmId(firmId);
	}

	ClientType type() {
		return type;
	}

	String name() {
		return name;
	}

	ClientStatus status() {
		return status;
	}

	ClientView view() {
		return new ClientView(id(), type, name, email, phone, notes, status, createdAt);
	}
}

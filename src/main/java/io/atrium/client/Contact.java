package io.atrium.client;

import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.firm.FirmId;

/**
 * A person of a client. An aggregate of its own rather than a collection inside {@link Client}: other modules refer
 * to contacts by id, and Spring Data JDBC rewrites an aggregate's collections on every save.
 */
@Table("contact")
class Contact {

	private final @Id UUID id;
	private final UUID firmId;
	private final UUID clientId;
	private String fullName;
	private String email;
	private String phone;
	private String notes;
	private final Instant createdAt;
	private @Version Integer version;

	@PersistenceCreator
	Contact(UUID id, UUID firmId, UUID clientId, String fullName, String email, String phone, String notes,
			Instant createdAt, Integer version) {
		this.id = id;
		this.firmId = firmId;
		this.clientId = clientId;
		this.fullName = fullName;
		this.email = email;
		this.phone = phone;
		this.notes = notes;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Contact create(FirmId firm, ClientId client, NewContact details, Instant now) {
		var contact = new Contact(UUID.randomUUID(), firm.value(), client.value(), null, null, null, null, now, null);
		contact.edit(details);
		return contact;
	}

	/** Takes new details (checked and normalized) and says which changed, in a few words; empty when nothing did. */
	String edit(NewContact details) {
		var newName = Fields.name("name", details.name());
		var newEmail = Fields.email("email", details.email());
		var newPhone = Fields.phone("phone", details.phone());
		var newNotes = Fields.notes("notes", details.notes());
		var changes = new StringJoiner(", ");
		if (fullName != null) {
			if (!newName.equals(fullName)) {
				changes.add("renamed from \"" + fullName + "\"");
			}
			if (!Objects.equals(newEmail, email)) {
				changes.add("email " + (email == null ? "none" : email) + " → " + (newEmail == null ? "none" : newEmail));
			}
			if (!Objects.equals(newPhone, phone)) {
				changes.add("phone");
			}
			if (!Objects.equals(newNotes, notes)) {
				changes.add("notes");
			}
		}
		this.fullName = newName;
		this.email = newEmail;
		this.phone = newPhone;
		this.notes = newNotes;
		return changes.toString();
	}

	ContactId id() {
		return new ContactId(id);
	}

	ClientId client() {
		return new ClientId(clientId);
	}

	String name() {
		return fullName;
	}

	String email() {
		return email;
	}

	ContactView view() {
		return new ContactView(id(), client(), fullName, email, phone, notes, createdAt);
	}
}

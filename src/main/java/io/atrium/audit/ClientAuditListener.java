package io.atrium.audit;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientArchived;
import io.atrium.client.ClientCreated;
import io.atrium.client.ClientRestored;
import io.atrium.client.ClientUpdated;
import io.atrium.client.ClientsImported;
import io.atrium.client.ContactAdded;
import io.atrium.client.ContactDeleted;
import io.atrium.client.ContactUpdated;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * Records the client module's events. Synchronous for the same reasons as {@link StaffAuditListener}: an entry
 * commits or rolls back with its change, and the request's address is only at hand on the request's thread. Labels
 * of these actions are {@code audit.action.<name>} in {@code messages/client.properties}.
 */
@Component
class ClientAuditListener {

	static final String CLIENT_CREATED = "client.created";
	static final String CLIENT_UPDATED = "client.updated";
	static final String CLIENT_ARCHIVED = "client.archived";
	static final String CLIENT_RESTORED = "client.restored";
	static final String CONTACT_ADDED = "contact.added";
	static final String CONTACT_UPDATED = "contact.updated";
	static final String CONTACT_DELETED = "contact.deleted";
	static final String CLIENTS_IMPORTED = "clients.imported";

	private final AuditLog log;

	ClientAuditListener(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(ClientCreated event) {
		record(event.firm(), event.by(), CLIENT_CREATED, event.client().toString(),
				event.name() + " (" + event.type().name().toLowerCase(Locale.ROOT) + ")");
	}

	@EventListener
	void on(ClientUpdated event) {
		record(event.firm(), event.by(), CLIENT_UPDATED, event.client().toString(),
				event.name() + ": " + event.changes());
	}

	@EventListener
	void on(ClientArchived event) {
		record(event.firm(), event.by(), CLIENT_ARCHIVED, event.client().toString(), event.name());
	}

	@EventListener
	void on(ClientRestored event) {
		record(event.firm(), event.by(), CLIENT_RESTORED, event.client().toString(), event.name());
	}

	@EventListener
	void on(ContactAdded event) {
		record(event.firm(), event.by(), CONTACT_ADDED, event.contact().toString(),
				person(event.name(), event.email()) + " to client " + event.client());
	}

	@EventListener
	void on(ContactUpdated event) {
		record(event.firm(), event.by(), CONTACT_UPDATED, event.contact().toString(),
				person(event.name(), event.email()) + ": " + event.changes());
	}

	@EventListener
	void on(ContactDeleted event) {
		record(event.firm(), event.by(), CONTACT_DELETED, event.contact().toString(),
				person(event.name(), event.email()) + " from client " + event.client());
	}

	@EventListener
	void on(ClientsImported event) {
		record(event.firm(), event.by(), CLIENTS_IMPORTED, null, event.created() + " client(s) from a CSV file");
	}

	private void record(FirmId firm, StaffId by, String action, String subject, String summary) {
		log.record(StaffActors.entry(firm, by, action, subject, summary));
	}

	private static String person(String name, String email) {
		return email == null ? name : name + " <" + email + ">";
	}

	/** The actor's email when they are the one signed in (the usual case); their id otherwise (demo data at setup). */
}

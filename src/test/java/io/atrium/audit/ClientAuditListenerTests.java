package io.atrium.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.client.NewClient;
import io.atrium.client.NewContact;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** The client module's events in the audit log, in the transaction of the change, with labels for the page. */
class ClientAuditListenerTests extends AtriumIntegrationTest {

	private final ClientManagement clients;
	private final StaffManagement staff;
	private final AuditLog auditLog;
	private final MessageSource messages;

	@Autowired
	ClientAuditListenerTests(ClientManagement clients, StaffManagement staff, AuditLog auditLog, MessageSource messages) {
		this.clients = clients;
		this.staff = staff;
		this.auditLog = auditLog;
		this.messages = messages;
	}

	@Test
	void recordsEveryChangeToClientsAndContactsWithWhoDidIt() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		AuditFixtures.signedIn(owner, () -> {
			var client = clients.create(owner, new NewClient(ClientType.BUSINESS, "Blue Heron Bakery LLC", null, null,
					null));
			clients.update(owner, client.id(), new NewClient(ClientType.BUSINESS, "Blue Heron Bakery", null, "555", null));
			clients.archive(owner, client.id());
			clients.restore(owner, client.id());
			var contact = clients.addContact(owner, client.id(), new NewContact("Hannah Okoye", "Hannah@Example.com",
					null, null));
			clients.updateContact(owner, client.id(), contact.id(), new NewContact("Hannah Okoye", "h@example.com",
					null, null));
			clients.deleteContact(owner, client.id(), contact.id());
			clients.importClients(owner, "type,name\nindividual,Robert Chen\n".getBytes(StandardCharsets.UTF_8));
		});

		var entries = auditLog.search(owner.firm(), new AuditQuery(null, null, null, null), 0, 100).entries();
		// newest first in the log; oldest first here
		var clientEntries = new ArrayList<>(entries.stream().filter(e -> !e.action().startsWith("firm.")).toList());
		Collections.reverse(clientEntries);
		assertThat(clientEntries).extracting(AuditEntryView::action).containsExactly("client.created",
				"client.updated", "client.archived", "client.restored", "contact.added", "contact.updated",
				"contact.deleted", "client.created", "clients.imported");
		assertThat(clientEntries).allSatisfy(e -> {
			assertThat(e.actorId()).isEqualTo(owner.id().value());
			assertThat(e.actorLabel()).isEqualTo(owner.email());
			assertThat(messages.getMessage(e.actionLabelKey(), null, null, Locale.ENGLISH)).isNotBlank();
		});
		assertThat(clientEntries.get(0).summary()).isEqualTo("Blue Heron Bakery LLC (business)");
		assertThat(clientEntries.get(1).summary()).isEqualTo("Blue Heron Bakery: renamed from \"Blue Heron Bakery LLC\", phone");
		assertThat(clientEntries.get(5).summary()).contains("email hannah@example.com → h@example.com");
		assertThat(clientEntries.get(8).summary()).isEqualTo("1 client(s) from a CSV file");
		assertThat(List.of("client.created", "contact.deleted", "clients.imported"))
			.allSatisfy(action -> assertThat(messages.getMessage("audit.action." + action, null, Locale.ENGLISH))
				.isNotBlank());
	}
}

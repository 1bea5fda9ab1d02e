package io.atrium.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * The client module's contacts as the portal side needs them, where no staff member asks (an Owner contact's
 * People page). Read-only. ClientManagement offers clients by firm ({@code find(FirmId, ClientId)}) but not yet
 * contacts by firm; until it does, contacts are read with one query of the client module's {@code contact} table.
 */
@Component
class ClientDirectory {

	/** A contact: the client it belongs to, its name and its (lower-case) email or null. */
	record ContactInfo(ContactId id, ClientId client, String name, String email) {
	}

	private final JdbcClient jdbc;
	private final ClientManagement clients;

	ClientDirectory(JdbcClient jdbc, ClientManagement clients) {
		this.jdbc = jdbc;
		this.clients = clients;
	}

	Optional<String> clientName(FirmId firm, ClientId client) {
		return clients.find(firm, client).map(c -> c.name());
	}

	List<ContactInfo> contacts(FirmId firm, ClientId client) {
		return jdbc.sql("""
				select id, client_id, full_name, email from contact
				where firm_id = :firm and client_id = :client order by created_at, id""")
			.param("firm", firm.value()).param("client", client.value())
			.query((rs, n) -> new ContactInfo(new ContactId(rs.getObject("id", UUID.class)),
					new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("full_name"),
					rs.getString("email")))
			.list();
	}

	Optional<ContactInfo> contact(FirmId firm, ClientId client, ContactId contact) {
		return contacts(firm, client).stream().filter(c -> c.id().equals(contact)).findFirst();
	}
}

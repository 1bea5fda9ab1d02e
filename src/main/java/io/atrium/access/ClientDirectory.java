package io.atrium.access;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * The client module's contacts as the portal side needs them, where no staff member asks (an Owner contact's
 * People page). Read-only, through the client module's facade.
 */
@Component
class ClientDirectory {

	/** A contact: the client it belongs to, its name and its (lower-case) email or null. */
	record ContactInfo(ContactId id, ClientId client, String name, String email) {
	}

	private final ClientManagement clients;

	ClientDirectory(ClientManagement clients) {
		this.clients = clients;
	}

	Optional<String> clientName(FirmId firm, ClientId client) {
		return clients.find(firm, client).map(c -> c.name());
	}

	List<ContactInfo> contacts(FirmId firm, ClientId client) {
		return clients.contactsOf(firm, client).stream()
			.map(c -> new ContactInfo(c.id(), c.client(), c.name(), c.email()))
			.toList();
	}

	Optional<ContactInfo> contact(FirmId firm, ClientId client, ContactId contact) {
		return clients.findContact(firm, client, contact).map(c -> new ContactInfo(c.id(), c.client(), c.name(), c.email()));
	}
}

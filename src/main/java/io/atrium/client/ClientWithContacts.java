package io.atrium.client;

import java.util.List;

/** A client and its contacts, as the CSV export writes them one at a time. */
public record ClientWithContacts(ClientView client, List<ContactView> contacts) {

	public ClientWithContacts {
		contacts = List.copyOf(contacts);
	}
}

package io.atrium.client;

import java.util.List;

/** A client an import will create, from the line where it first appears, with the contacts of all its lines. */
public record ImportedClient(int line, ClientType type, String name, String email, String phone, String notes,
		ClientStatus status, List<NewContact> contacts) {

	public ImportedClient {
		contacts = List.copyOf(contacts);
	}

	NewClient details() {
		return new NewClient(type, name, email, phone, notes);
	}
}

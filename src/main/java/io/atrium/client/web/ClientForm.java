package io.atrium.client.web;

import io.atrium.client.ClientType;
import io.atrium.client.ClientView;
import io.atrium.client.NewClient;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new-client and edit-client form. The facade checks the same rules again, for the API and imports. */
record ClientForm(@NotNull ClientType type, @NotBlank @Size(max = 200) String name,
		@Email @Size(max = 254) String email, @Size(max = 40) String phone, @Size(max = 4000) String notes) {

	static ClientForm empty() {
		return new ClientForm(ClientType.INDIVIDUAL, "", "", "", "");
	}

	static ClientForm of(ClientView client) {
		return new ClientForm(client.type(), client.name(), client.email(), client.phone(), client.notes());
	}

	NewClient toNewClient() {
		return new NewClient(type, name, email, phone, notes);
	}
}

package io.atrium.client;

import java.time.Instant;

/** A client as pages, the API and other modules see it. */
public record ClientView(ClientId id, ClientType type, String name, String email, String phone, String notes,
		ClientStatus status, Instant createdAt) {

	public boolean isArchived() {
		return status == ClientStatus.ARCHIVED;
	}
}

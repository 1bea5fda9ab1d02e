package io.atrium.client;

import java.time.Instant;

/** A contact of a client. The email, when there is one, is lower-case. */
public record ContactView(ContactId id, ClientId client, String name, String email, String phone, String notes,
		Instant createdAt) {
}

package io.atrium.client.web;

import java.util.UUID;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.platform.WebRequests;

/** Ids from addresses: a malformed id names nothing, so it is "not found" like any id one may not see. */
final class ClientIds {

	private ClientIds() {
	}

	static ClientId client(String value) {
		return new ClientId(uuid(value, "client"));
	}

	static ContactId contact(String value) {
		return new ContactId(uuid(value, "contact"));
	}

	private static UUID uuid(String value, String what) {
		return WebRequests.uuid(value, what);
	}
}

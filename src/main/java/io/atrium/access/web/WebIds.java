package io.atrium.access.web;

import java.util.Locale;
import java.util.UUID;

import io.atrium.access.PortalRole;
import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.WebRequests;

/** Ids and roles as addresses and forms carry them; a malformed id names nothing (404), an unknown role is a 422. */
final class WebIds {

	private WebIds() {
	}

	static ClientId client(String value) {
		return new ClientId(uuid(value, "client"));
	}

	static ContactId contact(String value) {
		return new ContactId(uuid(value, "contact"));
	}

	/** A portal role as forms write it: {@code EDITOR}, {@code editor} or {@code notify-only}. */
	static PortalRole role(String value) {
		var role = optionalRole(value);
		if (role == null) {
			throw new InvalidRequestException("role", "portal.role.unknown");
		}
		return role;
	}

	static PortalRole optionalRole(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return PortalRole.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("role", "portal.role.unknown");
		}
	}

	private static UUID uuid(String value, String what) {
		return WebRequests.uuid(value, what);
	}
}

package io.atrium.document.web;

import java.util.Locale;
import java.util.UUID;

import io.atrium.client.ClientId;
import io.atrium.document.DocumentId;
import io.atrium.document.DocumentRequestId;
import io.atrium.document.DocumentVisibility;
import io.atrium.engagement.EngagementId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.WebRequests;

/** Ids and choices as addresses and forms carry them; a malformed id names nothing (404). */
final class WebIds {

	private WebIds() {
	}

	static ClientId client(String value) {
		return new ClientId(uuid(value, "client"));
	}

	static EngagementId engagement(String value) {
		return new EngagementId(uuid(value, "engagement"));
	}

	/** An engagement picked in a form; blank means client level (null). */
	static EngagementId optionalEngagement(String value) {
		return value == null || value.isBlank() ? null : engagement(value.strip());
	}

	static DocumentId document(String value) {
		return new DocumentId(uuid(value, "document"));
	}

	static DocumentRequestId request(String value) {
		return new DocumentRequestId(uuid(value, "request"));
	}

	/** {@code CLIENT} or {@code FIRM}, in any case; a missing choice is the safer one, firm only. */
	static DocumentVisibility visibility(String value) {
		if (value == null || value.isBlank()) {
			return DocumentVisibility.FIRM;
		}
		try {
			return DocumentVisibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("visibility", "document.visibility.unknown");
		}
	}

	private static UUID uuid(String value, String what) {
		return WebRequests.uuid(value, what);
	}
}

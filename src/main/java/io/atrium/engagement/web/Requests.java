package io.atrium.engagement.web;

import java.util.Locale;
import java.util.UUID;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;
import io.atrium.platform.WebRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Reading what requests carry: ids from addresses, roles, staff picks, htmx or not, where to go back to. */
final class Requests {

	private Requests() {
	}

	static boolean isHtmx(HttpServletRequest request, HttpServletResponse response) {
		return WebRequests.isHtmx(request, response);
	}

	/** A malformed id in an address names nothing: not found, like an id one may not see. */
	static ClientId client(String value) {
		return new ClientId(uuid(value, "client"));
	}

	static EngagementId engagement(String value) {
		return new EngagementId(uuid(value, "engagement"));
	}

	static UUID entry(String value) {
		return uuid(value, "entry");
	}

	/** A role as addresses and forms write it: {@code PREPARER}, {@code preparer} or {@code assigned-to}. */
	static AssignmentRole role(String value) {
		var role = optionalRole(value);
		if (role == null) {
			throw new InvalidRequestException("role", "assignment.role.unknown");
		}
		return role;
	}

	static AssignmentRole optionalRole(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return AssignmentRole.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("role", "assignment.role.unknown");
		}
	}

	/** The person picked for {@code role}: empty is nobody; anything unreadable cannot hold the role either. */
	static StaffId staff(String value, AssignmentRole role) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var id = uuidOrNull(value.strip());
		if (id == null) {
			throw new InvalidRequestException("staffId", "assignment.ineligible." + role.name());
		}
		return new StaffId(id);
	}

	static UUID uuidOrNull(String value) {
		return WebRequests.uuidOrNull(value);
	}

	/** A place in the app to come back to after a form; anything else (another site) falls back. */
	static String back(String returnTo, String fallback) {
		if (returnTo == null || !returnTo.startsWith("/app/") || returnTo.contains("//") || returnTo.contains("\\")
				|| returnTo.chars().anyMatch(c -> c < 0x20)) {
			return fallback;
		}
		return returnTo;
	}

	private static UUID uuid(String value, String what) {
		return WebRequests.uuid(value, what);
	}
}

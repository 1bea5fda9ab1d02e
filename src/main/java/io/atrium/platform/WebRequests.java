package io.atrium.platform;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What every module's controllers read off a request the same way: ids in addresses, and htmx requests. */
public final class WebRequests {

	private WebRequests() {
	}

	/** An id as an address or form carries it; null when it is not one. */
	public static UUID uuidOrNull(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** A malformed id in an address names nothing: not found, like an id one may not see. */
	public static UUID uuid(String value, String what) {
		var id = uuidOrNull(value);
		if (id == null) {
			throw new NotFoundException(what);
		}
		return id;
	}

	/**
	 * htmx asks for a piece of a page (a tab, a section); a browser without it gets the whole page. Caches must
	 * keep the two apart.
	 */
	public static boolean isHtmx(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
		return request.getHeader("HX-Request") != null;
	}
}

package io.atrium.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** How a request whose session just ended is answered: 401 for the JSON API, back to a sign-in page otherwise. */
public final class SessionEnd {

	private SessionEnd() {
	}

	/** Invalidates the session, if any, and answers; {@code signInPage} is relative to the context path. */
	public static void answer(HttpServletRequest request, HttpServletResponse response, String signInPage)
			throws IOException {
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
		else {
			response.sendRedirect(request.getContextPath() + signInPage);
		}
	}
}

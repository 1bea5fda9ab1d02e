package io.atrium.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalMembership;
import io.atrium.firm.FirmManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs on every portal request: finds the firm of the slug (unknown → 404), and when someone is signed in,
 * re-reads who they are now. A session of another firm does not count here (as if nobody were signed in). Revoked,
 * removed or deleted access, a changed password, the firm's idle timeout or the absolute timeout end the portal
 * session at once; a changed role simply applies. "Last seen" moves forward in steps of a minute, so the idle
 * timeout ends a session at most a minute early. The current firm, settings, session and membership are left
 * as request attributes ({@link PortalRequest}).
 */
class PortalSessionRefresh extends OncePerRequestFilter {

	/**
	 * How far "last seen" may lag before it is written again: every write is a write to the session store, and the
	 * firm's idle timeout is counted in minutes.
	 */
	static final Duration LAST_SEEN_STEP = Duration.ofMinutes(1);

	private final FirmManagement firms;
	private final PortalAccessManagement access;
	private final PortalSessions sessions;
	private final Clock clock;
	private final Duration absoluteTimeout;

	PortalSessionRefresh(FirmManagement firms, PortalAccessManagement access, PortalSessions sessions, Clock clock,
			Duration absoluteTimeout) {
		this.firms = firms;
		this.access = access;
		this.sessions = sessions;
		this.clock = clock;
		this.absoluteTimeout = absoluteTimeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var slug = PortalRequest.slugOf(path);
		var firm = slug == null ? null : firms.findBySlug(slug).orElse(null);
		if (firm == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		var settings = access.settingsOfPortalRequest(firm.id());
		request.setAttribute(PortalRequest.FIRM, firm);
		request.setAttribute(PortalRequest.SETTINGS, settings);
		var signedIn = PortalSessions.principal().orElse(null);
		if (signedIn == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!signedIn.firm().equals(firm.id())) {
			// Another firm's portal session: nobody is signed in here (the other firm's session stays as it is).
			SecurityContextHolder.clearContext();
			chain.doFilter(request, response);
			return;
		}
		var session = request.getSession(false);
		var now = clock.millis();
		var lastSeen = session == null ? null : (Long) session.getAttribute(PortalSessions.LAST_SEEN);
		var signedInAt = session == null ? null : (Long) session.getAttribute(PortalSessions.SIGNED_IN_AT);
		if (lastSeen == null || signedInAt == null
				|| now - lastSeen > Duration.ofMinutes(settings.idleTimeoutMinutes()).toMillis()) {
			end(request, response, chain, firm.slug(), "expired");
			return;
		}
		if (now - signedInAt > absoluteTimeout.toMillis()) {
			end(request, response, chain, firm.slug(), "limit");
			return;
		}
		var current = access.current(signedIn.identity(), firm.id())
			.filter(s -> s.credentialsVersion() == signedIn.credentialsVersion())
			.orElse(null);
		if (current == null || current.memberships().isEmpty()) {
			end(request, response, chain, firm.slug(), "ended");
			return;
		}
		PortalMembership membership = current.membership(signedIn.contact()).orElse(null);
		if (membership == null) {
			membership = current.memberships().get(0);
			request.setAttribute(PortalRequest.SWITCHED, Boolean.TRUE);
		}
		var refreshed = new PortalPrincipal(signedIn.identity(), signedIn.firm(), signedIn.slug(), current.email(),
				membership.client(), membership.contact(), signedIn.credentialsVersion());
		if (!refreshed.equals(signedIn)) {
			sessions.save(refreshed, request, response);
		}
		if (now - lastSeen >= LAST_SEEN_STEP.toMillis()) {
			session.setAttribute(PortalSessions.LAST_SEEN, now);
		}
		keepStoreAlive(session, settings.idleTimeoutMinutes());
		request.setAttribute(PortalRequest.SESSION, current);
		request.setAttribute(PortalRequest.MEMBERSHIP, membership);
		chain.doFilter(request, response);
	}

	/**
	 * Ends the portal session. On a public page (sign-in, links) the request goes on as anybody's; elsewhere the
	 * person is sent to the sign-in page with the reason.
	 */
	private void end(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String slug,
			String reason) throws IOException, ServletException {
		sessions.signOut(request);
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (PortalSecurityConfiguration.isPublic(path)) {
			chain.doFilter(request, response);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/p/" + slug + "/signin?" + reason);
	}

	/**
	 * The session store ends idle sessions on its own timeout (30 minutes by default); a firm that allows longer
	 * idle portal sessions gets a store timeout to match, and the firm's own limit is checked above.
	 */
	private static void keepStoreAlive(jakarta.servlet.http.HttpSession session, int idleMinutes) {
		var wanted = idleMinutes * 60 + 60;
		if (session.getMaxInactiveInterval() > 0 && session.getMaxInactiveInterval() < wanted) {
			session.setMaxInactiveInterval(wanted);
		}
	}
}

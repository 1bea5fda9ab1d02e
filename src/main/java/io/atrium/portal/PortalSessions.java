package io.atrium.portal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

import io.atrium.access.PortalMembership;
import io.atrium.access.PortalSession;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's part of an HTTP session. The portal keeps its security context under its own key
 * ({@value #CONTEXT_KEY}), so a staff sign-in and a portal sign-in in one browser never see each other; signing
 * out of the portal removes only the portal's attributes.
 */
@Component
public class PortalSessions {

	public static final String CONTEXT_KEY = "ATRIUM_PORTAL_CONTEXT";
	static final String LAST_SEEN = "atrium.portal.last-seen";
	static final String SIGNED_IN_AT = "atrium.portal.signed-in-at";
	static final String ROLE = "ROLE_PORTAL";

	private final HttpSessionSecurityContextRepository contexts;
	private final Clock clock;

	PortalSessions(Clock clock) {
		this.clock = clock;
		this.contexts = new HttpSessionSecurityContextRepository();
		this.contexts.setSpringSecurityContextKey(CONTEXT_KEY);
	}

	HttpSessionSecurityContextRepository contexts() {
		return contexts;
	}

	/**
	 * Signs {@code session}'s identity in to the firm's portal, acting as {@code preferred} when that is one of its
	 * memberships, else as its first. The session id changes (no fixation), and so does the CSRF token.
	 */
	public PortalPrincipal signIn(PortalSession session, FirmView firm, ContactId preferred,
			HttpServletRequest request, HttpServletResponse response) {
		var membership = (preferred == null ? Optional.<PortalMembership>empty() : session.membership(preferred))
			.or(() -> session.memberships().stream().findFirst())
			.orElseThrow(() -> new IllegalStateException("a portal session without memberships"));
		var principal = new PortalPrincipal(session.identity(), session.firm(), firm.slug(), session.email(),
				membership.client(), membership.contact(), session.credentialsVersion());
		request.getSession(true);
		request.changeSessionId();
		var httpSession = request.getSession();
		new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
		save(principal, request, response);
		var now = clock.millis();
		httpSession.setAttribute(SIGNED_IN_AT, now);
		httpSession.setAttribute(LAST_SEEN, now);
		return principal;
	}

	/** Acts as another of the signed-in identity's memberships from now on. */
	public void switchTo(PortalPrincipal principal, PortalMembership membership, HttpServletRequest request,
			HttpServletResponse response) {
		save(principal.actingAs(membership.client(), membership.contact()), request, response);
	}

	/** Ends the portal session only: a staff session in the same browser stays. */
	public void signOut(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		var session = request.getSession(false);
		if (session != null) {
			for (var name : List.of(CONTEXT_KEY, LAST_SEEN, SIGNED_IN_AT)) {
				session.removeAttribute(name);
			}
		}
	}

	/** The portal principal of this request, if someone is signed in to the portal. */
	public static Optional<PortalPrincipal> principal() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof PortalPrincipal p ? Optional.of(p)
				: Optional.empty();
	}

	void save(PortalPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(ROLE)));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}

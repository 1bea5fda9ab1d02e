package io.atrium.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.NullRequestCache;

import io.atrium.access.PortalAccessManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.SecurityHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's security chain for {@code /p/**}, before the staff chain: its own security context in the session
 * (so staff and portal sign-ins never see each other), CSRF on every state change, the same strict headers as the
 * firm app, sign-in pages and emailed links open to anyone, every other portal page for a contact signed in to
 * that firm. Sign-in itself happens in the controllers (through the access module), not in a Spring Security
 * filter.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

	/** Paths under {@code /p/{slug}} that anybody may open. */
	private static final Pattern PUBLIC = Pattern
		.compile("/p/[^/]+/(signin(/.*)?|link/.*|invite/.*|password/.*|brand\\.css|stale)");

	static boolean isPublic(String path) {
		return PUBLIC.matcher(path).matches();
	}

	@Bean
	@Order(5)
	SecurityFilterChain portal(HttpSecurity http, FirmManagement firms, PortalAccessManagement access,
			PortalSessions sessions, Clock clock,
			@Value("${atrium.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
		http.securityMatcher("/p/**")
			.securityContext(c -> c.securityContextRepository(sessions.contexts()))
			.authorizeHttpRequests(a -> a.requestMatchers("/p/*/signin", "/p/*/signin/**", "/p/*/link/**",
					"/p/*/invite/**", "/p/*/password/**", "/p/*/brand.css", "/p/*/stale")
				.permitAll()
				.anyRequest()
				.hasRole("PORTAL"))
			.requestCache(c -> c.requestCache(new NullRequestCache()))
			.logout(l -> l.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(PortalSecurityConfiguration::toSignIn)
				.accessDeniedHandler(PortalSecurityConfiguration::denied))
			.headers(SecurityHeaders::apply)
			.addFilterBefore(new PortalSessionRefresh(firms, access, sessions, clock, absoluteTimeout),
					AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/** Anybody on a page that needs a signed-in contact goes to that firm's sign-in page. */
	private static void toSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		var slug = PortalRequest.slugOf(request.getRequestURI().substring(request.getContextPath().length()));
		if (slug == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/p/" + slug + "/signin");
	}

	/** A missing or stale CSRF token (a form left open past the session) gets a page that says what to do. */
	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException, ServletException {
		var slug = PortalRequest.slugOf(request.getRequestURI().substring(request.getContextPath().length()));
		if (e instanceof CsrfException && slug != null) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			request.getRequestDispatcher("/p/" + slug + "/stale").forward(request, response);
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	/** {@code {slug}.<base domain>} serves the portal of {@code slug}; off unless a base domain is set. */
	@Bean
	@ConditionalOnExpression("!'${atrium.portal.base-domain:}'.isBlank()")
	FilterRegistrationBean<PortalHostRouting> portalHostRouting(@Value("${atrium.portal.base-domain}") String domain) {
		var registration = new FilterRegistrationBean<>(new PortalHostRouting(domain));
		// After Spring Session's filter, before Spring Security's (-100).
		registration.setOrder(-200);
		return registration;
	}
}

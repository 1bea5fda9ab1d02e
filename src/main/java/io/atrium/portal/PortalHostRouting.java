package io.atrium.portal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With a base domain configured ({@code atrium.portal.base-domain=portal.example.com}), a request to
 * {@code acme.portal.example.com/signin} is served as {@code /p/acme/signin}: the request's path is rewritten
 * before security and MVC see it, so everything behind (the portal chain, controllers, templates) knows only
 * {@code /p/{slug}/...}. Shared assets ({@code /css}, {@code /js}, ...) and paths already under {@code /p/} pass
 * unchanged, so the links the pages render keep working on either address. Any other path on a portal host
 * (the firm app, {@code /setup}) lands inside the firm's portal and is not found there.
 */
class PortalHostRouting extends OncePerRequestFilter {

	private static final List<String> SHARED = List.of("/p/", "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico",
			"/error", "/actuator/");

	private final String suffix;

	PortalHostRouting(String baseDomain) {
		this.suffix = "." + baseDomain.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var slug = slugOf(request.getServerName());
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (slug == null || SHARED.stream().anyMatch(path::startsWith)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new Rewritten(request, "/p/" + slug + (path.isEmpty() ? "/" : path)), response);
	}

	/** The first label of a host under the base domain, when it could be a slug. */
	String slugOf(String host) {
		if (host == null) {
			return null;
		}
		var name = host.toLowerCase(Locale.ROOT);
		if (!name.endsWith(suffix)) {
			return null;
		}
		var label = name.substring(0, name.length() - suffix.length());
		return label.matches("[a-z0-9](?:[a-z0-9-]{0,62})") ? label : null;
	}

	private static final class Rewritten extends HttpServletRequestWrapper {

		private final String path;

		Rewritten(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + path;
		}

		@Override
		public String getServletPath() {
			return path;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public StringBuffer getRequestURL() {
			var url = new StringBuffer(getScheme()).append("://").append(getServerName());
			var port = getServerPort();
			if (!(("http".equals(getScheme()) && port == 80) || ("https".equals(getScheme()) && port == 443))) {
				url.append(':').append(port);
			}
			return url.append(getRequestURI());
		}
	}
}

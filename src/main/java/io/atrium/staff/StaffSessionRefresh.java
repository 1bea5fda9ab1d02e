package io.atrium.staff;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.atrium.platform.SessionEnd;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Re-reads the signed-in staff user on every request (one primary-key look-up): a deactivated user's session ends
 * on its next request, and a changed role or name applies at once.
 */
public class StaffSessionRefresh extends OncePerRequestFilter {

	private final StaffManagement staff;
	private final SecurityContextRepository contexts;

	public StaffSessionRefresh(StaffManagement staff, SecurityContextRepository contexts) {
		this.staff = staff;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var context = SecurityContextHolder.getContext();
		var authentication = context.getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal signedIn) {
			var current = staff.activePrincipal(signedIn.id());
			if (current.isEmpty()) {
				SecurityContextHolder.clearContext();
				SessionEnd.answer(request, response, "/signin?ended");
				return;
			}
			if (!current.get().equals(signedIn)) {
				var refreshed = UsernamePasswordAuthenticationToken.authenticated(current.get(), null,
						current.get().getAuthorities());
				var newContext = SecurityContextHolder.createEmptyContext();
				newContext.setAuthentication(refreshed);
				SecurityContextHolder.setContext(newContext);
				contexts.saveContext(newContext, request, response);
			}
		}
		chain.doFilter(request, response);
	}
}

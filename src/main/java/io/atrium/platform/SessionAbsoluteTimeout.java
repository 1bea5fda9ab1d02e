package io.atrium.platform;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends a session a fixed time after it began, however active it is (the idle timeout is the session store's):
 * a stolen session cookie stops working by the end of the working day.
 */
public class SessionAbsoluteTimeout extends OncePerRequestFilter {

	private final Duration limit;
	private final Clock clock;

	public SessionAbsoluteTimeout(Duration limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		if (session != null && clock.millis() - session.getCreationTime() > limit.toMillis()) {
			SessionEnd.answer(request, response, "/signin?expired");
			return;
		}
		chain.doFilter(request, response);
	}
}

package io.atrium.staff;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.atrium.platform.RateLimits;

/**
 * Sign-in attempts per client IP address, a budget that every app node shares on PostgreSQL ({@link RateLimits}).
 * The per-account lock lives in the database (see {@link StaffAuthentication}); this budget only stops one address
 * from spraying many accounts.
 */
@Component
public class SignInThrottle {

	private final RateLimits limits;
	private final long perMinute;

	SignInThrottle(RateLimits limits, @Value("${atrium.security.sign-in.per-ip-per-minute:30}") long perMinute) {
		this.limits = limits;
		this.perMinute = perMinute;
	}

	/** Takes one attempt for the address; false when its budget is spent. */
	public boolean tryAttempt(String ip) {
		return limits.tryConsume("staff-sign-in/ip/" + (ip == null ? "" : ip), perMinute);
	}
}

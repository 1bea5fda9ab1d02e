package io.atrium.portal;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.atrium.platform.RateLimits;

/**
 * Budgets for the portal's sign-in forms (password, sign-in link, forgot password, a new link): per client IP
 * address, so one network cannot spray many addresses, and per email address, so nobody floods one person's inbox
 * or guesses one password from many networks. Shared by every app node on PostgreSQL ({@link RateLimits}); the
 * per-identity lock-out lives in the database (access module).
 */
@Component
public class PortalThrottle {

	private final RateLimits limits;
	private final long perIp;
	private final long perAddress;

	@Autowired
	PortalThrottle(RateLimits limits, @Value("${atrium.security.sign-in.per-ip-per-minute:30}") long perIp,
			@Value("${atrium.portal.sign-in.per-address-per-minute:10}") long perAddress) {
		this.limits = limits;
		this.perIp = perIp;
		this.perAddress = perAddress;
	}

	/** Budgets in this process's memory (unit tests). */
	PortalThrottle(long perIp, long perAddress) {
		this(RateLimits.inMemory(), perIp, perAddress);
	}

	/**
	 * Takes one attempt from the IP's budget and, when an address is given, from the address's; false when either
	 * is spent (then nothing is done for the request).
	 */
	public boolean tryAttempt(String ip, String email) {
		if (!limits.tryConsume("portal/ip/" + (ip == null ? "" : ip), perIp)) {
			return false;
		}
		var address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.isEmpty() || address.length() > 254) {
			return true;
		}
		return limits.tryConsume("portal/address/" + address, perAddress);
	}
}

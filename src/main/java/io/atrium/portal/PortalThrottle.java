package io.atrium.portal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Budgets for the portal's sign-in forms (password, sign-in link, forgot password, a new link): per client IP
 * address, so one network cannot spray many addresses, and per email address, so nobody floods one person's inbox
 * or guesses one password from many networks. Bucket4j, in this node's memory; the per-identity lock-out lives in
 * the database (access module).
 */
@Component
public class PortalThrottle {

	private final Map<String, Bucket> byIp = new ConcurrentHashMap<>();
	private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
	private final long perIp;
	private final long perAddress;

	PortalThrottle(@Value("${atrium.security.sign-in.per-ip-per-minute:30}") long perIp,
			@Value("${atrium.portal.sign-in.per-address-per-minute:10}") long perAddress) {
		this.perIp = perIp;
		this.perAddress = perAddress;
	}

	/**
	 * Takes one attempt from the IP's budget and, when an address is given, from the address's; false when either
	 * is spent (then nothing is done for the request).
	 */
	public boolean tryAttempt(String ip, String email) {
		if (!byIp.computeIfAbsent(ip == null ? "" : ip, key -> bucket(perIp)).tryConsume(1)) {
			return false;
		}
		var address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.isEmpty() || address.length() > 254) {
			return true;
		}
		return byAddress.computeIfAbsent(address, key -> bucket(perAddress)).tryConsume(1);
	}

	private static Bucket bucket(long perMinute) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	/** Forgets IPs and addresses whose budget is full again, so the maps do not grow without bound. */
	@Scheduled(fixedDelay = 300_000)
	void forgetIdle() {
		byIp.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= perIp);
		byAddress.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= perAddress);
	}
}

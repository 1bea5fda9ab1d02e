package io.atrium.staff;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Sign-in attempts per client IP address (Bucket4j, in this node's memory). The per-account lock lives in the
 * database (see {@link StaffAuthentication}), so it holds across nodes; this bucket only stops one address from
 * spraying many accounts.
 */
@Component
public class SignInThrottle {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final long perMinute;

	SignInThrottle(@Value("${atrium.security.sign-in.per-ip-per-minute:30}") long perMinute) {
		this.perMinute = perMinute;
	}

	/** Takes one attempt for the address; false when its budget is spent. */
	public boolean tryAttempt(String ip) {
		return buckets.computeIfAbsent(ip, key -> newBucket()).tryConsume(1);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	/** Forgets addresses whose bucket is full again, so the map does not grow without bound. */
	@Scheduled(fixedDelay = 300_000)
	void forgetIdleAddresses() {
		buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= perMinute);
	}
}

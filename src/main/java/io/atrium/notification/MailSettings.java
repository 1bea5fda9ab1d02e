package io.atrium.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atrium.mail.*}. Retries wait {@code retryBase} · 2^(attempt − 1), at most {@code retryMax}; with the
 * defaults, twelve attempts span about three and a half hours.
 */
@ConfigurationProperties("atrium.mail")
record MailSettings(@DefaultValue("Atrium <no-reply@atrium.local>") String from,
		@DefaultValue("2s") Duration dispatchInterval, @DefaultValue("12") int maxAttempts,
		@DefaultValue("auto") DevMailbox.Mode devMailbox, @DefaultValue("10s") Duration retryBase,
		@DefaultValue("1h") Duration retryMax) {

	Duration backoff(int attempts) {
		var delay = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
		return delay.compareTo(retryMax) > 0 ? retryMax : delay;
	}
}

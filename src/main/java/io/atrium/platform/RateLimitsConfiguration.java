package io.atrium.platform;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

@Configuration(proxyBeanMethods = false)
class RateLimitsConfiguration {

	/** Deletes buckets of the database store that have been full again for a while; one node at a time. */
	@Bean
	RecurringTask<Void> rateLimitCleanupTask(RateLimits limits) {
		return Tasks.recurring("rate-limit-cleanup", FixedDelay.of(Duration.ofMinutes(5)))
			.execute((instance, context) -> limits.removeExpired());
	}
}

package io.atrium.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MailSettings.class, NotificationSettings.class })
class NotificationConfiguration {

	@Bean
	RecurringTask<Void> outboxDeliveryTask(OutboxDelivery delivery, MailSettings settings) {
		return Tasks.recurring("outbox-delivery", FixedDelay.of(settings.dispatchInterval()))
			.execute((instance, context) -> delivery.deliverDue());
	}

	/** Digests of client activity; one node at a time, like the delivery. */
	@Bean
	RecurringTask<Void> activityDigestsTask(ActivityDigests digests, NotificationSettings settings) {
		return Tasks.recurring("activity-digests", FixedDelay.of(settings.digestInterval()))
			.execute((instance, context) -> digests.sendDue());
	}
}

package io.atrium.document;

import java.time.LocalTime;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

	/** Once a day, at night (UTC), when nobody restores anything. */
	@Bean
	RecurringTask<Void> documentPurgeTask(DocumentTrash trash) {
		return Tasks.recurring("document-purge", new Daily(ZoneOffset.UTC, LocalTime.of(3, 0)))
			.execute((instance, context) -> trash.purgeExpired());
	}
}

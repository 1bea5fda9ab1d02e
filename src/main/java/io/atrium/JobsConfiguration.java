package io.atrium;

import java.time.Duration;
import java.util.ArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Background jobs on db-scheduler, configured here because its Spring Boot starter does not activate under Boot 4.
 * Every {@link Task} bean is registered; recurring ones are scheduled at start-up. Executions are claimed in the
 * {@code scheduled_tasks} table, so on several nodes each execution runs on one of them only. Switched off with
 * {@code atrium.jobs.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "atrium.jobs.enabled", matchIfMissing = true)
class JobsConfiguration {

	@Bean
	Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans,
			@Value("${atrium.jobs.polling-interval:1s}") Duration pollingInterval,
			@Value("${atrium.jobs.shutdown-max-wait:10s}") Duration shutdownMaxWait) {
		var recurring = new ArrayList<RecurringTask<?>>();
		var others = new ArrayList<Task<?>>();
		for (var task : taskBeans.orderedStream().toList()) {
			if (task instanceof RecurringTask<?> startupTask) {
				recurring.add(startupTask);
			}
			else {
				others.add(task);
			}
		}
		return Scheduler.create(dataSource, others)
			.startTasks(recurring)
			.pollingInterval(pollingInterval)
			.shutdownMaxWait(shutdownMaxWait)
			.enableImmediateExecution()
			.alwaysPersistTimestampInUTC()
			.build();
	}

	@Bean
	JobsLifecycle jobsLifecycle(Scheduler scheduler) {
		return new JobsLifecycle(scheduler);
	}
}

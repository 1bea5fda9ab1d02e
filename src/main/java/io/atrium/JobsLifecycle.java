package io.atrium;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Starts the job scheduler once the application is ready (migrations done, every bean in place) and stops it when
 * the context closes, while the data source is still open.
 */
class JobsLifecycle {

	private final Scheduler scheduler;
	private final AtomicBoolean running = new AtomicBoolean();

	JobsLifecycle(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (running.compareAndSet(false, true)) {
			scheduler.start();
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		if (running.compareAndSet(true, false)) {
			scheduler.stop();
		}
	}
}

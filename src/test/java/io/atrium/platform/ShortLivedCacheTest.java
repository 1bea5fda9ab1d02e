package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A few seconds of memory: loaded once, nothing remembered for a miss, forgotten on a change and after its commit. */
class ShortLivedCacheTest {

	private final ShortLivedCache<String, String> cache = new ShortLivedCache<>(100);
	private final AtomicInteger loads = new AtomicInteger();
	private String current = "Acme";

	private final Function<String, Optional<String>> load = key -> {
		loads.incrementAndGet();
		return Optional.ofNullable(current);
	};

	@Test
	void loadsOnceAndAnswersFromMemory() {
		assertThat(cache.get("acme", load)).contains("Acme");
		current = "Changed elsewhere";
		assertThat(cache.get("acme", load)).contains("Acme");
		assertThat(loads).hasValue(1);
		assertThat(cache.get("other", load)).as("another key loads").contains("Changed elsewhere");
		assertThat(loads).hasValue(2);
	}

	@Test
	void anEmptyLoadIsNotRemembered() {
		current = null;
		assertThat(cache.get("acme", load)).isEmpty();
		current = "Acme";
		assertThat(cache.get("acme", load)).contains("Acme");
		assertThat(loads).hasValue(2);
	}

	@Test
	void outsideATransactionAClearForgetsAtOnce() {
		cache.get("acme", load);
		current = "Acme Renamed";
		cache.clearAfterCommit();
		assertThat(cache.get("acme", load)).contains("Acme Renamed");
		assertThat(loads).hasValue(2);
	}

	@Test
	void insideATransactionAClearForgetsAtOnceAndAgainAfterCommit() {
		cache.get("acme", load);
		TransactionSynchronizationManager.initSynchronization();
		try {
			current = "Acme Renamed";
			cache.clearAfterCommit();
			// a read running alongside the change, before its commit, still sees the old value and keeps it
			current = "Acme";
			assertThat(cache.get("acme", load)).contains("Acme");
			assertThat(loads).hasValue(2);

			current = "Acme Renamed";
			complete(TransactionSynchronization.STATUS_COMMITTED);
			assertThat(cache.get("acme", load)).as("forgotten after commit").contains("Acme Renamed");
			assertThat(loads).hasValue(3);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aRolledBackChangeIsForgottenToo() {
		TransactionSynchronizationManager.initSynchronization();
		try {
			current = "Acme Renamed";
			cache.clearAfterCommit();
			// read inside the changing transaction, which then rolls back
			assertThat(cache.get("acme", load)).contains("Acme Renamed");
			current = "Acme";
			complete(TransactionSynchronization.STATUS_ROLLED_BACK);
			assertThat(cache.get("acme", load)).contains("Acme");
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aLoadThatStartedBeforeAChangeDoesNotKeepWhatItRead() {
		// the load reads the old value, and the change commits (and clears) before the load is done
		Function<String, Optional<String>> slowLoad = key -> {
			loads.incrementAndGet();
			var read = Optional.of("Acme");
			current = "Acme Renamed";
			cache.clearAfterCommit();
			return read;
		};
		assertThat(cache.get("acme", slowLoad)).contains("Acme");
		assertThat(cache.get("acme", load)).as("loaded again, not the old value").contains("Acme Renamed");
		assertThat(loads).hasValue(2);
	}

	private static void complete(int status) {
		TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(status));
	}
}

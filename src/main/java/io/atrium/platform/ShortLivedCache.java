package io.atrium.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A few seconds of memory for what nearly every request reads and nearly nobody changes (a firm by its portal
 * address, its portal settings). A change on this node clears it when its transaction commits; other nodes see the
 * change when their copy expires, {@link #TIME_TO_LIVE} at the most. Nothing is remembered for a key that was not
 * found. Not for anything that grants or revokes access: that is read fresh on every request.
 */
public final class ShortLivedCache<K, V> {

	public static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	private final Cache<K, V> entries;
	// counts clears: a load that started before a clear does not keep what it read
	private final AtomicLong generation = new AtomicLong();

	public ShortLivedCache(long maximumSize) {
		this.entries = Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).maximumSize(maximumSize).build();
	}

	/** The remembered value, or what {@code load} finds now (remembered unless empty). */
	public Optional<V> get(K key, Function<K, Optional<V>> load) {
		var value = entries.getIfPresent(key);
		if (value != null) {
			return Optional.of(value);
		}
		var before = generation.get();
		var loaded = load.apply(key);
		if (loaded.isPresent() && generation.get() == before) {
			entries.put(key, loaded.get());
			if (generation.get() != before) {
				entries.invalidate(key);
			}
		}
		return loaded;
	}

	/** The remembered value, or what {@code load} computes now (for values that always exist, such as settings). */
	public V value(K key, Function<K, V> load) {
		return get(key, k -> Optional.of(load.apply(k))).orElseThrow();
	}

	/**
	 * Forgets everything now and again when the current transaction ends (committed or rolled back), so that no
	 * read running alongside the change keeps the old value.
	 */
	public void clearAfterCommit() {
		clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clear();
				}
			});
		}
	}

	private void clear() {
		generation.incrementAndGet();
		entries.invalidateAll();
	}
}

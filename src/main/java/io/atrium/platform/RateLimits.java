package io.atrium.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Budgets of attempts per minute, one token bucket (Bucket4j) per key. On PostgreSQL the buckets are rows of
 * {@code rate_limit_buckets}, so every app node takes from the same budget and a node keeps nothing; on H2, the
 * one-process default, they live in this process's memory (Bucket4j has no H2 store). Which one is decided from
 * the database at start-up and logged. Idle buckets are forgotten: in memory here, in the database by the
 * {@code rate-limit-cleanup} job.
 */
@Component
public class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
	private static final Duration PERIOD = Duration.ofMinutes(1);
	private static final int CLEANUP_BATCH = 1000;

	private final ProxyManager<String> shared;
	private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();
	private final AtomicLong lastLocalCleanup = new AtomicLong(System.nanoTime());

	private record LocalBucket(Bucket bucket, long capacity) {
	}

	@Autowired
	RateLimits(DataSource dataSource) {
		this(Databases.isPostgres(dataSource) ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(PERIOD))
			.build() : null);
		log.info(shared != null ? "Rate limits: shared by every node, in PostgreSQL (rate_limit_buckets)"
				: "Rate limits: in this process's memory (not PostgreSQL: one node only)");
	}

	private RateLimits(ProxyManager<String> shared) {
		this.shared = shared;
	}

	/** Buckets in this process's memory only, whatever the database (unit tests). */
	public static RateLimits inMemory() {
		return new RateLimits((ProxyManager<String>) null);
	}

	/** Whether the buckets are shared by every node (in PostgreSQL). */
	public boolean shared() {
		return shared != null;
	}

	/**
	 * Takes one token from {@code key}'s bucket of {@code perMinute} tokens, refilled over a minute; false when it
	 * is empty. The limit is part of the bucket's identity, so a changed setting starts new buckets.
	 */
	public boolean tryConsume(String key, long perMinute) {
		var id = perMinute + ":" + key;
		if (shared != null) {
			return shared.builder().build(id, () -> configuration(perMinute)).tryConsume(1);
		}
		forgetIdleLocalBucketsNowAndThen();
		return local.computeIfAbsent(id, k -> new LocalBucket(Bucket.builder()
			.addLimit(bandwidth(perMinute))
			.build(), perMinute)).bucket().tryConsume(1);
	}

	/** Forgets buckets that have been full again for a while; returns how many. */
	public int removeExpired() {
		if (shared instanceof PostgreSQLSelectForUpdateBasedProxyManager<String> manager) {
			int removed = 0;
			int batch;
			do {
				batch = manager.removeExpired(CLEANUP_BATCH);
				removed += batch;
			}
			while (batch == CLEANUP_BATCH);
			return removed;
		}
		var before = local.size();
		local.values().removeIf(b -> b.bucket().getAvailableTokens() >= b.capacity());
		return before - local.size();
	}

	/** In memory, no job is needed (and none may run, atrium.jobs.enabled=false): every few minutes, inline. */
	private void forgetIdleLocalBucketsNowAndThen() {
		var last = lastLocalCleanup.get();
		var now = System.nanoTime();
		if (now - last > PERIOD.multipliedBy(5).toNanos() && lastLocalCleanup.compareAndSet(last, now)) {
			removeExpired();
		}
	}

	private static BucketConfiguration configuration(long perMinute) {
		return BucketConfiguration.builder().addLimit(bandwidth(perMinute)).build();
	}

	private static Bandwidth bandwidth(long perMinute) {
		return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, PERIOD).build();
	}
}

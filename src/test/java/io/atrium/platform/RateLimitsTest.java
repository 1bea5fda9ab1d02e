package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.atrium.TestDatabase;

/**
 * The rate-limit store on both databases: the migration runs on each; on PostgreSQL two nodes (two instances on
 * one database) take from one budget and idle buckets are deleted; on H2 the buckets stay in memory.
 */
class RateLimitsTest {

	@Test
	void onPostgresTwoNodesShareOneBudgetAndIdleBucketsAreDeleted() {
		var database = migrated(TestDatabase.requirePostgresDatabase(), TestDatabase.user(), TestDatabase.password());
		var nodeA = new RateLimits(database);
		var nodeB = new RateLimits(database);
		assertThat(nodeA.shared()).isTrue();

		for (int i = 0; i < 4; i++) {
			assertThat((i % 2 == 0 ? nodeA : nodeB).tryConsume("test/ip/203.0.113.7", 4)).as("attempt " + i).isTrue();
		}
		assertThat(nodeA.tryConsume("test/ip/203.0.113.7", 4)).isFalse();
		assertThat(nodeB.tryConsume("test/ip/203.0.113.7", 4)).isFalse();
		assertThat(nodeB.tryConsume("test/ip/198.51.100.1", 4)).as("another key").isTrue();
		assertThat(nodeB.tryConsume("test/ip/203.0.113.7", 5)).as("a changed limit starts afresh").isTrue();

		var jdbc = JdbcClient.create(database);
		assertThat(rows(jdbc)).isEqualTo(3);
		assertThat(nodeA.removeExpired()).as("nothing has been idle yet").isZero();
		jdbc.sql("update rate_limit_buckets set expires_at = :past where id like '%198.51.100.1'")
			.param("past", System.currentTimeMillis() - 1000)
			.update();
		assertThat(nodeB.removeExpired()).isEqualTo(1);
		assertThat(rows(jdbc)).isEqualTo(2);
		assertThat(nodeA.tryConsume("test/ip/203.0.113.7", 4)).as("the spent budget is kept").isFalse();
	}

	@Test
	void onH2TheMigrationRunsAndTheBucketsStayInMemory() {
		var url = "jdbc:h2:mem:rate-limits-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		var database = migrated(url, "sa", "");
		var limits = new RateLimits(database);
		assertThat(limits.shared()).isFalse();
		assertThat(limits.tryConsume("test/ip/203.0.113.7", 2)).isTrue();
		assertThat(limits.tryConsume("test/ip/203.0.113.7", 2)).isTrue();
		assertThat(limits.tryConsume("test/ip/203.0.113.7", 2)).isFalse();
		assertThat(limits.removeExpired()).as("the spent bucket is not idle").isZero();
		assertThat(rows(JdbcClient.create(database))).isZero();

		// The table takes a bucket's state on H2 too (a database store would work there).
		JdbcClient.create(database)
			.sql("insert into rate_limit_buckets (id, state, expires_at) values ('k', :state, 1)")
			.param("state", new byte[] { 1, 2, 3 })
			.update();
		assertThat(JdbcClient.create(database).sql("select state from rate_limit_buckets").query(byte[].class).single())
			.containsExactly(1, 2, 3);
	}

	private static DataSource migrated(String url, String user, String password) {
		var database = new DriverManagerDataSource(url, user, password);
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
		return database;
	}

	private static long rows(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from rate_limit_buckets").query(Long.class).single();
	}
}

package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.atrium.AtriumIntegrationTest;

/**
 * On PostgreSQL the app's connections run with its planner settings (no JIT, SSD page costs) and cached plans, except
 * in a transaction that asks for custom plans.
 */
class PostgresSessionSettingsTest extends AtriumIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomPlans plans;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void connectionsToPostgresqlRunWithAtriumsPlannerSettings() {
		var pool = (HikariDataSource) dataSource;
		assumeTrue(pool.getJdbcUrl().startsWith("jdbc:postgresql:"), "the suite runs on H2");
		assertThat(pool.getConnectionInitSql()).isEqualTo(PostgresSessionSettings.INIT_SQL);
		assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
		assertThat(jdbc.sql("show random_page_cost").query(String.class).single()).isEqualTo("1.1");
		assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
	}

	@Test
	void customPlansHoldForTheTransactionThatAsksOnly() {
		var postgres = ((HikariDataSource) dataSource).getJdbcUrl().startsWith("jdbc:postgresql:");
		for (int transaction = 1; transaction <= 2; transaction++) {
			// asked twice in one transaction, and again in the next one: each transaction gets its own
			var inside = transactions.execute(status -> {
				plans.forThisTransaction();
				plans.forThisTransaction();
				return postgres ? jdbc.sql("show plan_cache_mode").query(String.class).single() : "(H2: nothing to ask)";
			});
			if (postgres) {
				assertThat(inside).as("transaction " + transaction).isEqualTo("force_custom_plan");
				assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
			}
		}
		assertThat(TransactionSynchronizationManager.hasResource(plans)).isFalse();
	}

	@Test
	void anotherDatabaseIsLeftAsItIs() {
		var pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:mem:untouched");
		new PostgresSessionSettings().postProcessBeforeInitialization(pool, "dataSource");
		assertThat(pool.getConnectionInitSql()).isNull();
		pool.close();
	}
}

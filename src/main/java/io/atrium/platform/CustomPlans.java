package io.atrium.platform;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Custom plans for the queries whose best plan depends on which firm and which viewer they are for: a firm's client
 * list, search and pipeline. Firms differ in size by a factor of a thousand, and after five runs of a prepared
 * statement PostgreSQL may switch to a generic plan made for the average firm, which for a large one hashes all its
 * clients (45 ms instead of 4 ms). Every other query keeps PostgreSQL's cached plans: planning each of them on every
 * run cost the portal home a third of its database time (docs/performance.md).
 */
@Component
public class CustomPlans {

	private final JdbcClient jdbc;
	private final boolean postgres;

	CustomPlans(DataSource dataSource, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	/**
	 * Plans the rest of the current transaction's queries for their own values (PostgreSQL; elsewhere nothing). Asked
	 * again in the same transaction (a page and then its count), it sends nothing.
	 */
	public void forThisTransaction() {
		if (!postgres || !TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(CustomPlans.this);
			}
		});
	}
}

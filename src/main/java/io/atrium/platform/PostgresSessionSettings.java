package io.atrium.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two planner settings for the application's PostgreSQL connections, measured in the benchmark (docs/performance.md):
 * <ul>
 * <li>JIT off. Atrium's queries are short, indexed look-ups whose cost estimates can still pass the JIT threshold on
 * a large firm (a visibility-scoped count over 50,000 clients); compiling them took longer than running them (250 ms
 * of a 360 ms count).</li>
 * <li>{@code random_page_cost} 1.1, the usual value for SSDs and for data that lives in memory, as Atrium's working
 * set does: with the default 4 (spinning disks) PostgreSQL reads all 50,000 clients of a firm to find the 1,400 a
 * preparer sees, instead of looking them up by key (16 ms instead of 4 ms for the client list's count).</li>
 * </ul>
 * Only when the pool is PostgreSQL's and nobody set an init statement of their own
 * ({@code spring.datasource.hikari.connection-init-sql} replaces both). Plans are cached as PostgreSQL does by
 * default, except for the few queries that ask for custom plans ({@link CustomPlans}).
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

	static final String INIT_SQL = "select set_config('jit', 'off', false), set_config('random_page_cost', '1.1', false)";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql(INIT_SQL);
		}
		return bean;
	}
}

package io.atrium.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Turns PostgreSQL's JIT compilation off for the application's connections. Atrium's queries are short, indexed
 * look-ups whose cost estimates can still pass the JIT threshold on a large firm (a visibility-scoped count over
 * 50,000 clients); compiling them took longer than running them (250 ms of a 360 ms count in the benchmark, see
 * docs/performance.md). Only when the pool is PostgreSQL's and nobody set an init statement of their own.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

	static final String INIT_SQL = "set jit = off";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql(INIT_SQL);
		}
		return bean;
	}
}

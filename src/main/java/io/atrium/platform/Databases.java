package io.atrium.platform;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the app runs on, for the few places that use PostgreSQL's own features (H2 does without). */
final class Databases {

	private Databases() {
	}

	/** Whether {@code dataSource} is PostgreSQL; a database that cannot even say what it is stops the start-up. */
	static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (MetaDataAccessException e) {
			throw new IllegalStateException("Cannot tell which database the app runs on", e);
		}
	}
}

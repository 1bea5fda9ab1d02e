package io.atrium;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives every Spring test context a database of its own: an in-memory H2 database by default, or a fresh database
 * on the PostgreSQL server named by {@code ATRIUM_TEST_DB_URL} (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test}). The server's user is {@code ATRIUM_TEST_DB_USER} (default
 * {@code postgres}) and password {@code ATRIUM_TEST_DB_PASSWORD}.
 */
public final class TestDatabase {

	public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private TestDatabase() {
	}

	public static boolean onPostgres() {
		var url = System.getenv("ATRIUM_TEST_DB_URL");
		return url != null && url.startsWith("jdbc:postgresql:");
	}

	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** Registers a fresh database for the context being built. */
	public static void register(DynamicPropertyRegistry registry) {
		var url = onPostgres() ? createPostgresDatabase(System.getenv("ATRIUM_TEST_DB_URL")) : h2Url();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> onPostgres() ? user() : "sa");
		registry.add("spring.datasource.password", () -> onPostgres() ? password() : "");
	}

	/**
	 * A fresh PostgreSQL database for tests that need PostgreSQL whatever the suite runs on (several app nodes on
	 * one database, concurrency). Skipped when no server answers, but failed in CI, where PostgreSQL is required.
	 */
	public static String requirePostgresDatabase() {
		var server = onPostgres() ? System.getenv("ATRIUM_TEST_DB_URL") : DEFAULT_POSTGRES_URL;
		try (var ignored = DriverManager.getConnection(server, user(), password())) {
			// reachable
		}
		catch (SQLException e) {
			if (inCi()) {
				throw new IllegalStateException("PostgreSQL is required in CI but " + server + " does not answer", e);
			}
			Assumptions.abort("PostgreSQL not reachable at " + server + ": " + e.getMessage());
		}
		return createPostgresDatabase(server);
	}

	public static String user() {
		var user = System.getenv("ATRIUM_TEST_DB_USER");
		return user == null || user.isBlank() ? "postgres" : user;
	}

	public static String password() {
		var password = System.getenv("ATRIUM_TEST_DB_PASSWORD");
		return password == null ? "" : password;
	}

	private static String h2Url() {
		return "jdbc:h2:mem:atrium-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	private static final java.util.List<String[]> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

	static {
		// the server is shared: each test JVM drops the databases it made (open connections are ended: WITH FORCE)
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			for (var created : CREATED) {
				try (var connection = DriverManager.getConnection(created[0], user(), password());
						var statement = connection.createStatement()) {
					statement.execute("drop database if exists " + created[1] + " with (force)");
				}
				catch (SQLException e) {
					// best effort: .ci/run also removes leftovers
				}
			}
		}, "drop-test-databases"));
	}

	private static String createPostgresDatabase(String serverUrl) {
		var name = "atrium_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		try (var connection = DriverManager.getConnection(serverUrl, user(), password());
				var statement = connection.createStatement()) {
			statement.execute("create database " + name);
			CREATED.add(new String[] { serverUrl, name });
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create a test database on " + serverUrl, e);
		}
		var base = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1);
		var query = serverUrl.contains("?") ? serverUrl.substring(serverUrl.indexOf('?')) : "";
		return base + name + query;
	}
}

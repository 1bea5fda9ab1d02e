package io.atrium;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full application on a random port, on a database of its own (H2, or PostgreSQL when
 * {@code ATRIUM_TEST_DB_URL} is set) and sending mail to the suite's GreenMail server. Contexts are cached and
 * shared by test classes, so tests create their own firm and addresses (see StaffFixtures) instead of counting on
 * an empty database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "atrium.security.sign-in.per-ip-per-minute=100000")
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public abstract class AtriumIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A fresh cookie jar against this app: a new visitor. */
	protected TestHttp visitor() {
		return new TestHttp(port);
	}

	@DynamicPropertySource
	static void atriumTestProperties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		TestMail.register(registry);
		registry.add("atrium.documents.local.path", () -> DOCUMENTS.resolve("documents").toString());
	}

	/** One document store per test run, outside the project's own data folder. */
	private static final java.nio.file.Path DOCUMENTS = temporaryFolder();

	private static java.nio.file.Path temporaryFolder() {
		try {
			return java.nio.file.Files.createTempDirectory("atrium-test-store-");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}

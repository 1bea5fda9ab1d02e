package io.atrium;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full application on a random port, on a database of its own (H2, or PostgreSQL when
 * {@code ATRIUM_TEST_DB_URL} is set) and sending mail to the suite's GreenMail server. Contexts are cached and
 * shared by test classes, so tests create their own firm and addresses ({@link TestData}) instead of counting on
 * an empty database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class AtriumIntegrationTest {

	@DynamicPropertySource
	static void atriumTestProperties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		TestMail.register(registry);
	}
}

package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

import io.atrium.AtriumIntegrationTest;

/** First-run setup on a database of its own (setup works once per installation). */
@TestPropertySource(properties = "atrium.test.context=setup")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupTest extends AtriumIntegrationTest {

	private static final Map<String, String> VALID = Map.of("firmName", "Harbor & Co CPAs", "slug", "harbor",
			"ownerName", "Hana Harbor", "email", "hana@harbor.test", "password", StaffFixtures.PASSWORD,
			"demoData", "true");

	@Test
	@Order(1)
	void theStartPageLeadsToSetupWhileNoFirmExists() {
		var response = visitor().get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/setup");
	}

	@Test
	@Order(2)
	void badInputKeepsTheFormFilledAndSaysWhatToFix() {
		var http = visitor();
		var response = http.submit("/setup", "/setup", Map.of("firmName", "", "slug", "Not A Slug!", "ownerName",
				"Hana", "email", "not-an-email", "password", "short"));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Please fill this in.")
			.contains("Enter an email address like name@example.com.")
			.contains("value=\"not-an-email\"")
			.contains("value=\"Hana\"")
			.doesNotContain("value=\"short\"");

		var weak = http.submit("/setup", "/setup", Map.of("firmName", "Harbor", "slug", "harbor", "ownerName", "Hana",
				"email", "hana@harbor.test", "password", "password1234"));
		assertThat(weak.statusCode()).isEqualTo(422);
		assertThat(weak.body()).contains("commonly used passwords");

		var reserved = http.submit("/setup", "/setup", Map.of("firmName", "Harbor", "slug", "admin", "ownerName",
				"Hana", "email", "hana@harbor.test", "password", StaffFixtures.PASSWORD));
		assertThat(reserved.statusCode()).isEqualTo(422);
		assertThat(reserved.body()).contains("portal address is taken");
	}

	@Test
	@Order(3)
	void setupCreatesTheFirmAndItsOwnerWithDemoColleagues() {
		var http = visitor();
		var response = http.submit("/setup", "/setup", VALID);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/signin?welcome");

		assertThat(http.signIn("hana@harbor.test", StaffFixtures.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
		var staff = http.get("/app/staff");
		assertThat(staff.statusCode()).isEqualTo(200);
		assertThat(staff.body()).contains("Hana Harbor").contains("avery.lin@harbor.test");
		assertThat(visitor().signIn("avery.lin@harbor.test", StaffFixtures.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
	}

	@Test
	@Order(4)
	void setupIsGoneOnceAFirmExists() {
		var http = visitor();
		assertThat(http.get("/setup").statusCode()).isEqualTo(404);
		assertThat(http.get("/setup").body()).contains("Page not found");
		var again = http.submit("/signin", "/setup", VALID);
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(visitor().get("/").headers().firstValue("Location").orElseThrow()).endsWith("/signin");
	}

	@Test
	@Order(5)
	void selfSignUpIsOffByDefault() {
		assertThat(visitor().get("/signup").statusCode()).isEqualTo(404);
	}
}

package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.atrium.AtriumIntegrationTest;

/** Its own context: a small per-address budget of sign-in attempts. */
@TestPropertySource(properties = "atrium.security.sign-in.per-ip-per-minute=3")
class SignInThrottleTest extends AtriumIntegrationTest {

	@Autowired
	StaffManagement staff;

	@Test
	void anAddressThatSpendsItsBudgetIsAnswered429UntilItRefills() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		var http = visitor();
		for (int i = 0; i < 3; i++) {
			assertThat(http.signIn("someone" + i + "@example.test", "guess number " + i).statusCode()).isEqualTo(302);
		}
		var throttled = http.signIn(owner.email(), StaffFixtures.PASSWORD);
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(throttled.body()).contains("Too many sign-in attempts");
		assertThat(http.get("/app").statusCode()).as("not signed in").isEqualTo(302);

		var forgot = http.submit("/password/forgot", "/password/forgot", Map.of("email", owner.email()));
		assertThat(forgot.statusCode()).isEqualTo(429);
	}
}

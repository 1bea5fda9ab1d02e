package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestMail;

class PasswordResetTest extends AtriumIntegrationTest {

	private static final String NEW_PASSWORD = "a whole new passphrase here";

	@Autowired
	StaffManagement staff;

	StaffPrincipal owner;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
	}

	@Test
	void theAnswerIsTheSameForKnownAndUnknownAddresses() {
		var unknown = "nobody-" + owner.email();
		var a = visitor().submit("/password/forgot", "/password/forgot", Map.of("email", owner.email()));
		var b = visitor().submit("/password/forgot", "/password/forgot", Map.of("email", unknown));
		assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(200);
		assertThat(withoutTokens(a.body(), owner.email())).isEqualTo(withoutTokens(b.body(), unknown));
		assertThat(TestMail.awaitMessages(unknown, 1, Duration.ofSeconds(1))).isEmpty();
	}

	private static String withoutTokens(String page, String email) {
		return page.replace(email, "X").replaceAll("(value|content)=\"[^\"]+\"", "");
	}

	@Test
	void aResetLinkSetsANewPasswordOnceAndEndsOtherSessions() {
		var elsewhere = visitor();
		elsewhere.signIn(owner.email(), StaffFixtures.PASSWORD);
		assertThat(elsewhere.get("/app").statusCode()).isEqualTo(200);

		visitor().submit("/password/forgot", "/password/forgot", Map.of("email", owner.email()));
		var message = TestMail.awaitMessages(owner.email(), 1, Duration.ofSeconds(20)).get(0);
		var link = TestMail.link(message, "/password/reset/");

		var http = visitor();
		assertThat(http.get(link).statusCode()).isEqualTo(200);
		var mismatch = http.post(link, Map.of("password", NEW_PASSWORD, "confirm", "something else"));
		assertThat(mismatch.statusCode()).isEqualTo(422);
		assertThat(mismatch.body()).contains("not the same");
		var common = http.post(link, Map.of("password", "password1234", "confirm", "password1234"));
		assertThat(common.body()).contains("commonly used");

		var done = http.post(link, Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/signin?reset");
		assertThat(visitor().get(link).statusCode()).isEqualTo(410);

		assertThat(elsewhere.get("/app").statusCode()).as("the other session ended").isEqualTo(302);
		assertThat(visitor().signIn(owner.email(), StaffFixtures.PASSWORD).headers().firstValue("Location")
			.orElseThrow()).endsWith("error=invalid");
		assertThat(visitor().signIn(owner.email(), NEW_PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("/app");
	}

	@Test
	void aResetLinkExpiresAfterAnHour() {
		visitor().submit("/password/forgot", "/password/forgot", Map.of("email", owner.email()));
		var link = TestMail.link(TestMail.awaitMessages(owner.email(), 1, Duration.ofSeconds(20)).get(0),
				"/password/reset/");
		clock.advance(Duration.ofMinutes(61));
		var page = visitor().get(link);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("expired").contains("Send me a new password link");
	}

	@Test
	void aMalformedAddressIsExplained() {
		var response = visitor().submit("/password/forgot", "/password/forgot", Map.of("email", "not-an-address"));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Enter an email address");
	}

	@Test
	void changingThePasswordNeedsTheCurrentOne() {
		var http = visitor();
		http.signIn(owner.email(), StaffFixtures.PASSWORD);
		var wrong = http.submit("/app/account", "/app/account/password", Map.of("currentPassword", "nope nope nope",
				"password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("current password is not right");
		var ok = http.submit("/app/account", "/app/account/password", Map.of("currentPassword",
				StaffFixtures.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
		assertThat(ok.statusCode()).isEqualTo(302);
		assertThat(visitor().signIn(owner.email(), NEW_PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("/app");
	}
}

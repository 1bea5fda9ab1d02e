package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;

class StaffSignInTest extends AtriumIntegrationTest {

	@Autowired
	StaffManagement staff;

	@Autowired
	StaffTokenStore tokens;

	StaffPrincipal owner;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
	}

	private static String location(java.net.http.HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	@Test
	void signsInWithANewSessionIdAndSignsOut() {
		var http = visitor();
		http.get("/signin");
		http.post("/signin", Map.of("email", "nobody@example.test", "password", "x"));
		var before = http.cookie("ATRIUM_SESSION");
		var response = http.signIn(owner.email().toUpperCase(), StaffFixtures.PASSWORD);
		assertThat(location(response)).endsWith("/app");
		assertThat(http.cookie("ATRIUM_SESSION")).isNotNull().isNotEqualTo(before);
		assertThat(http.get("/app").body()).contains("Hello, Olive Owner");

		var out = http.submit("/app", "/signout", Map.of());
		assertThat(location(out)).endsWith("/signin?signedout");
		assertThat(location(http.get("/app"))).endsWith("/signin");
	}

	@Test
	void aWrongPasswordKeepsTheAddressAndSaysSoWithoutTellingWhichPartWasWrong() {
		var http = visitor();
		var response = http.signIn(owner.email(), "wrong password entirely");
		assertThat(location(response)).endsWith("/signin?error=invalid");
		var page = http.get("/signin?error=invalid");
		assertThat(page.body()).contains("do not match an account").contains("value=\"" + owner.email() + "\"");

		var unknown = visitor();
		assertThat(location(unknown.signIn("nobody-" + owner.email(), "wrong password entirely")))
			.endsWith("/signin?error=invalid");
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhileOnly() {
		var http = visitor();
		for (int i = 0; i < 4; i++) {
			assertThat(location(http.signIn(owner.email(), "wrong password " + i))).endsWith("error=invalid");
		}
		assertThat(location(http.signIn(owner.email(), "wrong password 5"))).endsWith("error=locked");
		assertThat(location(http.signIn(owner.email(), StaffFixtures.PASSWORD))).endsWith("error=locked");
		assertThat(http.get("/signin?error=locked").body()).contains("locked for 15 more minute(s)");

		clock.advance(Duration.ofMinutes(16));
		assertThat(location(visitor().signIn(owner.email(), StaffFixtures.PASSWORD))).endsWith("/app");
	}

	@Test
	void refusesAStateChangeWithoutCsrfToken() {
		var http = visitor();
		http.signIn(owner.email(), StaffFixtures.PASSWORD);
		var response = http.postWithoutCsrf("/app/staff/invite",
				Map.of("name", "X", "email", StaffFixtures.uniqueEmail("x"), "role", "MEMBER"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(staff.list(owner)).hasSize(1);

		var signIn = visitor().postWithoutCsrf("/signin", Map.of("email", owner.email(), "password", StaffFixtures.PASSWORD));
		assertThat(signIn.statusCode()).isEqualTo(403);
	}

	@Test
	void sendsSecurityHeaders() {
		var response = visitor().get("/signin");
		var headers = response.headers();
		assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Strict-Transport-Security")).as("HSTS only over HTTPS").isEmpty();
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSite() {
		var response = visitor().get("/signin");
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("ATRIUM_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void aDeactivatedUsersLiveSessionIsRefusedOnItsNextRequest() {
		var admin = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.ADMIN);
		var http = visitor();
		http.signIn(admin.email(), StaffFixtures.PASSWORD);
		assertThat(http.get("/app/staff").statusCode()).isEqualTo(200);

		staff.deactivate(owner, admin.id());

		var next = http.get("/app/staff");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(location(next)).contains("/signin");
		assertThat(http.get("/api/v1/me").statusCode()).isEqualTo(401);
		assertThat(location(visitor().signIn(admin.email(), StaffFixtures.PASSWORD))).endsWith("error=deactivated");
	}

	@Test
	void aRoleChangeAppliesToALiveSessionAtOnce() {
		var admin = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.ADMIN);
		var http = visitor();
		http.signIn(admin.email(), StaffFixtures.PASSWORD);
		assertThat(http.get("/app/staff").statusCode()).isEqualTo(200);

		staff.changeRole(owner, admin.id(), FirmRole.MEMBER);

		assertThat(http.get("/app/staff").statusCode()).isEqualTo(403);
		assertThat(http.get("/api/v1/me").body()).contains("\"role\":\"MEMBER\"");
	}

	@Test
	void theApiAnswersProblemDetails() {
		var anonymous = visitor().get("/api/v1/me");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(anonymous.body()).contains("\"status\":401");

		var http = visitor();
		http.signIn(owner.email(), StaffFixtures.PASSWORD);
		var missing = http.get("/api/v1/nothing-here");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("\"status\":404").doesNotContain("Exception").doesNotContain("trace");
	}

	@Test
	void unknownPagesAnswerAFriendly404WithoutDetails() {
		var http = visitor();
		http.signIn(owner.email(), StaffFixtures.PASSWORD);
		var response = http.get("/app/staff/not-a-uuid/deactivate");
		assertThat(response.statusCode()).isIn(404, 405);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.atrium");
	}

	@Test
	void healthIsPublicAndMetricsAreNot() {
		var http = new TestHttp(port);
		assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
		assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
		http.signIn(owner.email(), StaffFixtures.PASSWORD);
		assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
	}
}

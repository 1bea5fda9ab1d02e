package io.atrium.portal;

import static io.atrium.portal.PortalFixtures.location;
import static io.atrium.portal.PortalFixtures.normalized;
import static io.atrium.portal.PortalFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.access.PortalSettings;
import io.atrium.access.SignInMethods;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

class PortalSignInTests extends AtriumIntegrationTest {

	private final FirmManagement firms;
	private final PortalAccessManagement access;
	private final PortalFixtures fixtures;

	@Autowired
	PortalSignInTests(StaffManagement staff, FirmManagement firms, ClientManagement clients, PortalAccessManagement access) {
		this.firms = firms;
		this.access = access;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	@Test
	void theSignInPageCarriesTheFirmsNameAndBothMethods() {
		var firm = fixtures.aFirm();
		var page = visitor().get(firm.path("/signin"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in to " + firm.view().name())
			.contains("Email me a sign-in link")
			.contains("Forgot your password?")
			.contains("/p/" + firm.slug() + "/brand.css");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("style-src 'self'"));
	}

	@Test
	void theBrandStylesheetSetsTheFirmsAccentColour() {
		var firm = fixtures.aFirm();
		firms.rebrand(firm.view().id(), firm.view().name(), "#AA3300");
		var css = visitor().get(firm.path("/brand.css"));
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
		assertThat(css.body()).contains("--accent: #aa3300");
	}

	@Test
	void signsInWithAPasswordAndLandsOnTheHomePageWithANewSessionId() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		http.get(member.path("/signin"));
		var before = http.cookie("ATRIUM_SESSION");
		var response = signIn(http, member);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).endsWith(member.path("/"));
		assertThat(http.cookie("ATRIUM_SESSION")).isNotNull().isNotEqualTo(before);

		var home = http.get(member.path("/"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(member.client().name())
			.contains("Casey Contact")
			.contains("Owner")
			.contains("manage who else has access");
		assertThat(location(http.get(member.path("/signin")))).as("signed in already").endsWith(member.path("/"));
	}

	@Test
	void theAddressIsNotCaseSensitive() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var response = signIn(visitor(), member.firm().slug(), member.email().toUpperCase(), member.password());
		assertThat(location(response)).endsWith(member.path("/"));
	}

	@Test
	void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var unknownAddress = StaffFixtures.uniqueEmail("nobody");
		var wrong = signIn(visitor(), member.firm().slug(), member.email(), "not the password at all");
		var unknown = signIn(visitor(), member.firm().slug(), unknownAddress, "not the password at all");
		assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("That email and password do not match");
		assertThat(normalized(wrong.body(), member.email())).isEqualTo(normalized(unknown.body(), unknownAddress));
	}

	@Test
	void aSignInLinkRequestAnswersTheSameForKnownAndUnknownAddresses() {
		var member = fixtures.aMember(PortalRole.VIEWER);
		var unknownAddress = StaffFixtures.uniqueEmail("nobody");
		var known = visitor().submit(member.path("/signin"), member.path("/signin/link"),
				Map.of("email", member.email()));
		var unknown = visitor().submit(member.path("/signin"), member.path("/signin/link"),
				Map.of("email", unknownAddress));
		assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
		assertThat(known.body()).contains("Check your email");
		assertThat(normalized(known.body(), member.email())).isEqualTo(normalized(unknown.body(), unknownAddress));

		var forgotKnown = visitor().submit(member.path("/password/forgot"), member.path("/password/forgot"),
				Map.of("email", member.email()));
		var forgotUnknown = visitor().submit(member.path("/password/forgot"), member.path("/password/forgot"),
				Map.of("email", unknownAddress));
		assertThat(forgotKnown.statusCode()).isEqualTo(forgotUnknown.statusCode()).isEqualTo(200);
		assertThat(normalized(forgotKnown.body(), member.email()))
			.isEqualTo(normalized(forgotUnknown.body(), unknownAddress));
	}

	@Test
	void badInputGetsAClearMessageAndKeepsTheForm() {
		var firm = fixtures.aFirm();
		var http = visitor();
		var noEmail = http.submit(firm.path("/signin"), firm.path("/signin"), Map.of("email", "", "password", "x"));
		assertThat(noEmail.statusCode()).isEqualTo(422);
		assertThat(noEmail.body()).contains("Enter your email address.");

		var malformed = http.submit(firm.path("/signin"), firm.path("/signin"),
				Map.of("email", "not-an-address", "password", "whatever"));
		assertThat(malformed.statusCode()).isEqualTo(422);
		assertThat(malformed.body()).contains("Enter an email address like").contains("value=\"not-an-address\"");

		var noPassword = http.submit(firm.path("/signin"), firm.path("/signin"), Map.of("email", "a@example.test"));
		assertThat(noPassword.statusCode()).isEqualTo(422);
		assertThat(noPassword.body()).contains("Please fill this in.");

		var linkMalformed = http.submit(firm.path("/signin"), firm.path("/signin/link"), Map.of("email", "@@"));
		assertThat(linkMalformed.statusCode()).isEqualTo(422);
		assertThat(linkMalformed.body()).contains("Enter an email address like");

		var huge = "a".repeat(100_000) + "@example.test";
		var tooLong = http.submit(firm.path("/signin"), firm.path("/signin/link"), Map.of("email", huge));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).doesNotContain(huge);

		var forgot = http.submit(firm.path("/password/forgot"), firm.path("/password/forgot"), Map.of());
		assertThat(forgot.statusCode()).isEqualTo(422);
		assertThat(forgot.body()).contains("Enter your email address.");
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		http.get(member.path("/signin"));
		var response = http.postWithoutCsrf(member.path("/signin"),
				Map.of("email", member.email(), "password", member.password()));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("This page has expired");
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin"));
	}

	@Test
	void anUnknownSlugIsNotFound() {
		var http = visitor();
		assertThat(http.get("/p/no-such-firm-here/signin").statusCode()).isEqualTo(404);
		assertThat(http.get("/p/no-such-firm-here/").statusCode()).isEqualTo(404);
		assertThat(http.get("/p/no-such-firm-here/link/abc").statusCode()).isEqualTo(404);
	}

	@Test
	void aFirmThatUsesOnlySignInLinksShowsNoPasswordForm() {
		var member = fixtures.aMember(PortalRole.OWNER);
		access.updateSettings(member.firm().owner(), new PortalSettings(SignInMethods.MAGIC_LINK, 48, 7, 30));
		var page = visitor().get(member.path("/signin"));
		assertThat(page.body()).contains("Email me a sign-in link").doesNotContain("type=\"password\"");
		assertThat(signIn(visitor(), member).statusCode()).isEqualTo(404);
		assertThat(visitor().get(member.path("/password/forgot")).statusCode()).isEqualTo(404);
	}

	@Test
	void anAddressThatSpendsItsBudgetIsAnswered429() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(http, member.firm().slug(), member.email(), "wrong guess " + i).statusCode())
				.isEqualTo(200);
		}
		var throttled = signIn(http, member);
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(throttled.body()).contains("Too many attempts");
		assertThat(location(http.get(member.path("/")))).as("not signed in").endsWith(member.path("/signin"));
		var link = http.submit(member.path("/signin"), member.path("/signin/link"), Map.of("email", member.email()));
		assertThat(link.statusCode()).isEqualTo(429);
	}
}

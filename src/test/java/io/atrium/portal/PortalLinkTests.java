package io.atrium.portal;

import static io.atrium.portal.PortalFixtures.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestMail;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalInvitationSent;
import io.atrium.access.PortalRole;
import io.atrium.access.PortalSettings;
import io.atrium.access.SignInMethods;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** Emailed links: opening one never spends it; only the POST of its page does, once. */
@RecordApplicationEvents
class PortalLinkTests extends AtriumIntegrationTest {

	private static final Duration MAIL_WAIT = Duration.ofSeconds(15);

	private final PortalAccessManagement access;
	private final PortalFixtures fixtures;

	@Autowired
	PortalLinkTests(StaffManagement staff, FirmManagement firms, ClientManagement clients, PortalAccessManagement access) {
		this.access = access;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	private String requestSignInLink(PortalFixtures.Member member, int expectedMails) {
		var sent = visitor().submit(member.path("/signin"), member.path("/signin/link"), Map.of("email", member.email()));
		assertThat(sent.statusCode()).isEqualTo(200);
		var mails = TestMail.awaitMessages(member.email(), expectedMails, MAIL_WAIT);
		assertThat(mails).hasSize(expectedMails);
		return TestMail.link(mails.get(expectedMails - 1), "/p/");
	}

	@Test
	void aSignInLinkOpensAConfirmPageAndOnlyItsPostSignsInOnce() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var link = requestSignInLink(member, 1);
		assertThat(link).startsWith(member.path("/link/"));

		var scanner = visitor();
		for (int i = 0; i < 2; i++) {
			var confirm = scanner.get(link);
			assertThat(confirm.statusCode()).isEqualTo(200);
			assertThat(confirm.body()).contains("Continue to " + member.firm().view().name().replace("'", "&#39;"));
		}
		assertThat(location(scanner.get(member.path("/")))).as("opening is not signing in")
			.endsWith(member.path("/signin"));

		var person = visitor();
		person.get(link);
		var signedIn = person.post(link, Map.of());
		assertThat(location(signedIn)).endsWith(member.path("/"));
		assertThat(person.get(member.path("/")).body()).contains(member.client().name());

		var again = visitor();
		again.get(member.path("/signin"));
		var reused = again.post(link, Map.of());
		assertThat(reused.statusCode()).isEqualTo(410);
		assertThat(reused.body()).contains("This link no longer works").contains("already been used");
		assertThat(again.get(link).statusCode()).isEqualTo(410);
	}

	@Test
	void anExpiredSignInLinkSaysSoAndCanBeRenewed() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var link = requestSignInLink(member, 1);
		clock.advance(Duration.ofDays(8));
		var http = visitor();
		var page = http.get(link);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("The link has expired.").contains("Email me a new sign-in link");
		var token = link.substring(link.lastIndexOf('/') + 1);
		var renewed = http.post(member.path("/link/renew"), Map.of("token", token, "purpose", "magic"));
		assertThat(renewed.statusCode()).isEqualTo(200);
		assertThat(renewed.body()).contains("Check your email");
		// (the clock stays ahead until the email is out: the outbox schedules by it)
		var mails = TestMail.awaitMessages(member.email(), 2, MAIL_WAIT);
		assertThat(mails).hasSize(2);
		var fresh = TestMail.link(mails.get(1), "/p/");
		assertThat(fresh).isNotEqualTo(link);
		assertThat(http.get(fresh).statusCode()).isEqualTo(200);
	}

	@Test
	void aTamperedOrForeignLinkIsNotFound() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var other = fixtures.aFirm();
		var link = requestSignInLink(member, 1);
		var http = visitor();
		assertThat(http.get(link + "x").statusCode()).isEqualTo(404);
		assertThat(http.get(member.path("/link/" + "a".repeat(5000))).statusCode()).isEqualTo(404);
		var foreign = link.replace(member.path(""), other.path(""));
		assertThat(http.get(foreign).statusCode()).isEqualTo(404);
		http.get(other.path("/signin"));
		assertThat(http.post(foreign, Map.of()).statusCode()).isEqualTo(404);
		assertThat(visitor().get(link).statusCode()).as("still valid at home").isEqualTo(200);
	}

	@Test
	void anInvitationSetsAPasswordAndSignsIn(ApplicationEvents events) {
		var firm = fixtures.aFirm();
		var client = fixtures.client(firm, "Invited Ltd");
		var email = StaffFixtures.uniqueEmail("invitee");
		var contact = fixtures.contact(firm, client, "Ivy Invitee", email);
		access.invite(firm.owner(), client.id(), contact.id(), PortalRole.SIGNER, "Hello Ivy");
		var token = events.stream(PortalInvitationSent.class)
			.filter(e -> e.contact().equals(contact.id()))
			.reduce((a, b) -> b)
			.orElseThrow()
			.token();
		var link = firm.path("/invite/" + token);
		var http = visitor();
		var form = http.get(link);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Choose a password").contains("At least 8 characters");

		var tooShort = http.post(link, Map.of("password", "short", "confirm", "short"));
		assertThat(tooShort.statusCode()).isEqualTo(422);
		assertThat(tooShort.body()).contains("Use a longer password");
		var common = http.post(link, Map.of("password", "password123", "confirm", "password123"));
		assertThat(common.statusCode()).isEqualTo(422);
		assertThat(common.body()).contains("commonly used");
		var mismatch = http.post(link, Map.of("password", "quiet river stones", "confirm", "quiet river stone"));
		assertThat(mismatch.statusCode()).isEqualTo(422);
		assertThat(mismatch.body()).contains("not the same");
		var empty = http.post(link, Map.of());
		assertThat(empty.statusCode()).isEqualTo(422);

		var accepted = http.post(link, Map.of("password", "quiet river stones", "confirm", "quiet river stones"));
		assertThat(location(accepted)).endsWith(firm.path("/?welcome"));
		var home = http.get(firm.path("/?welcome"));
		assertThat(home.body()).contains("Invited Ltd").contains("Ivy Invitee").contains("Signer");

		assertThat(visitor().get(link).statusCode()).as("spent").isEqualTo(410);
		assertThat(location(PortalFixtures.signIn(visitor(), firm.slug(), email, "quiet river stones")))
			.endsWith(firm.path("/"));
	}

	@Test
	void aResentInvitationRetiresTheOlderLink(ApplicationEvents events) {
		var firm = fixtures.aFirm();
		var client = fixtures.client(firm, "Resent Ltd");
		var contact = fixtures.contact(firm, client, "Rex Resent", StaffFixtures.uniqueEmail("resent"));
		access.invite(firm.owner(), client.id(), contact.id(), PortalRole.OWNER, null);
		access.resendInvitation(firm.owner(), client.id(), contact.id());
		var tokens = events.stream(PortalInvitationSent.class).filter(e -> e.contact().equals(contact.id())).toList();
		assertThat(tokens).hasSize(2);
		var old = visitor().get(firm.path("/invite/" + tokens.get(0).token()));
		assertThat(old.statusCode()).isEqualTo(410);
		assertThat(old.body()).contains("a newer link replaced it").contains("Email me a new invitation link");
		assertThat(visitor().get(firm.path("/invite/" + tokens.get(1).token())).statusCode()).isEqualTo(200);
	}

	@Test
	void aPasswordResetLinkSetsANewPasswordAndSignsIn() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		var sent = http.submit(member.path("/password/forgot"), member.path("/password/forgot"),
				Map.of("email", member.email()));
		assertThat(sent.body()).contains("Check your email");
		var mails = TestMail.awaitMessages(member.email(), 1, MAIL_WAIT);
		assertThat(mails).hasSize(1);
		var link = TestMail.link(mails.get(0), "/p/");
		assertThat(link).startsWith(member.path("/password/reset/"));
		assertThat(http.get(link).statusCode()).isEqualTo(200);
		var reset = http.post(link, Map.of("password", "amber window seven", "confirm", "amber window seven"));
		assertThat(location(reset)).endsWith(member.path("/"));
		assertThat(http.get(member.path("/")).statusCode()).as("the new session is the current one").isEqualTo(200);
		assertThat(PortalFixtures.signIn(visitor(), member).body()).as("the old password is gone")
			.contains("do not match");
		assertThat(visitor().get(link).statusCode()).isEqualTo(410);
	}

	@Test
	void withoutSignInLinksAnExpiredLinkPageOffersNoNewSignInLink() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var link = requestSignInLink(member, 1);
		access.updateSettings(member.firm().owner(), new PortalSettings(SignInMethods.PASSWORD, 48, 7, 30));
		var page = visitor().get(link);
		assertThat(page.statusCode()).isIn(404, 410);
		assertThat(page.body()).doesNotContain("Email me a new sign-in link").contains("Back to sign in");
	}
}

package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.TestMail;

class StaffInvitationTest extends AtriumIntegrationTest {

	@Autowired
	StaffManagement staff;

	@Autowired
	StaffTokenStore tokens;

	StaffPrincipal owner;
	TestHttp ownerHttp;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		ownerHttp = visitor();
		ownerHttp.signIn(owner.email(), StaffFixtures.PASSWORD);
	}

	private HttpResponse<String> invite(TestHttp http, String name, String email, String role) {
		return http.submit("/app/staff", "/app/staff/invite", Map.of("name", name, "email", email, "role", role));
	}

	private String invitationLink(String email, int nth) {
		var messages = TestMail.awaitMessages(email, nth, Duration.ofSeconds(20));
		assertThat(messages).hasSize(nth);
		return TestMail.link(messages.get(nth - 1), "/invitation/");
	}

	@Test
	void anInvitedColleagueSetsAPasswordThroughTheEmailedLinkAndSignsIn() throws Exception {
		var email = StaffFixtures.uniqueEmail("colleague");
		var response = invite(ownerHttp, "Casey Colleague", email, "MEMBER");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(ownerHttp.get("/app/staff").body()).contains(email).contains("Invited");

		var message = TestMail.awaitMessages(email, 1, Duration.ofSeconds(20)).get(0);
		assertThat(message.getSubject()).contains("Olive Owner").contains(owner.email().isEmpty() ? "" : "Firm ");
		var link = TestMail.link(message, "/invitation/");

		var colleague = visitor();
		var form = colleague.get(link);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains(email);
		assertThat(colleague.get(link).statusCode()).as("opening the link does not spend it").isEqualTo(200);

		var accepted = colleague.post(link, Map.of("name", "Casey C.", "password", StaffFixtures.PASSWORD, "confirm",
				StaffFixtures.PASSWORD));
		assertThat(accepted.headers().firstValue("Location").orElseThrow()).contains("/signin?joined");
		assertThat(colleague.signIn(email, StaffFixtures.PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("/app");
		assertThat(colleague.get("/app").body()).contains("Hello, Casey C.");

		var reused = visitor().get(link);
		assertThat(reused.statusCode()).isEqualTo(410);
		assertThat(reused.body()).contains("already been used");
	}

	@Test
	void aResentInvitationRetiresTheEarlierLink() {
		var email = StaffFixtures.uniqueEmail("resent");
		invite(ownerHttp, "Robin Resent", email, "MEMBER");
		var first = invitationLink(email, 1);
		var invited = staff.list(owner).stream().filter(s -> s.email().equals(email)).findFirst().orElseThrow();
		var resent = ownerHttp.submit("/app/staff", "/app/staff/" + invited.id() + "/resend", Map.of());
		assertThat(resent.statusCode()).isEqualTo(302);
		var second = invitationLink(email, 2);

		assertThat(visitor().get(first).statusCode()).isEqualTo(410);
		var refused = visitor().post(first, Map.of("name", "R", "password", StaffFixtures.PASSWORD, "confirm",
				StaffFixtures.PASSWORD));
		assertThat(refused.statusCode()).isIn(403, 410);
		assertThat(visitor().get(second).statusCode()).isEqualTo(200);
	}

	@Test
	void anInvitationExpiresAfterSevenDays() {
		var email = StaffFixtures.uniqueEmail("late");
		invite(ownerHttp, "Lee Late", email, "MEMBER");
		var link = invitationLink(email, 1);
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		var page = visitor().get(link);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("expired");
	}

	@Test
	void aTamperedLinkIsNotFound() {
		assertThat(visitor().get("/invitation/not-a-token").statusCode()).isEqualTo(404);
		assertThat(visitor().get("/invitation/" + "A".repeat(43)).statusCode()).isEqualTo(404);
	}

	@Test
	void membersCannotInviteAndAdminsCannotCreateOwners() {
		var member = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.MEMBER);
		var memberHttp = visitor();
		memberHttp.signIn(member.email(), StaffFixtures.PASSWORD);
		assertThat(memberHttp.get("/app/staff").statusCode()).isEqualTo(403);
		memberHttp.get("/app");
		assertThat(memberHttp.post("/app/staff/invite", Map.of("name", "X", "email", StaffFixtures.uniqueEmail("x"),
				"role", "MEMBER")).statusCode()).isEqualTo(403);

		var admin = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.ADMIN);
		var adminHttp = visitor();
		adminHttp.signIn(admin.email(), StaffFixtures.PASSWORD);
		var response = invite(adminHttp, "Would-be Owner", StaffFixtures.uniqueEmail("o"), "OWNER");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Only an Owner can grant");
	}

	@Test
	void badInvitationInputIsExplained() {
		var response = invite(ownerHttp, "", "not an email", "MEMBER");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Please fill this in.").contains("Enter an email address")
			.contains("value=\"not an email\"");

		var unknownRole = invite(ownerHttp, "Una", StaffFixtures.uniqueEmail("u"), "EMPEROR");
		assertThat(unknownRole.statusCode()).isEqualTo(422);
		assertThat(unknownRole.body()).contains("This value is not valid.");

		var taken = invite(ownerHttp, "Twin", owner.email(), "MEMBER");
		assertThat(taken.statusCode()).isEqualTo(422);
		assertThat(taken.body()).contains("already belongs");

		var tooLong = invite(ownerHttp, "N".repeat(121), StaffFixtures.uniqueEmail("l"), "MEMBER");
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(staff.list(owner)).hasSize(1);
	}

	@Test
	void anotherFirmsStaffCannotBeManaged() {
		var other = StaffFixtures.aFirmWithOwner(staff);
		var response = ownerHttp.submit("/app/staff", "/app/staff/" + other.id() + "/deactivate", Map.of());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(staff.activePrincipal(other.id())).isPresent();
	}

	@Test
	void theLastOwnerCannotBeDemotedOrDeactivated() {
		var admin = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.ADMIN);
		var adminHttp = visitor();
		adminHttp.signIn(admin.email(), StaffFixtures.PASSWORD);
		adminHttp.submit("/app/staff", "/app/staff/" + owner.id() + "/deactivate", Map.of());
		assertThat(staff.activePrincipal(owner.id())).isPresent();

		var demote = ownerHttp.submit("/app/staff", "/app/staff/" + owner.id() + "/role", Map.of("role", "ADMIN"));
		assertThat(demote.statusCode()).isEqualTo(302);
		assertThat(ownerHttp.get("/app/staff").body()).contains("at least one active Owner");
		assertThat(staff.activePrincipal(owner.id()).orElseThrow().role()).isEqualTo(FirmRole.OWNER);
	}
}

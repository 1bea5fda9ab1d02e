package io.atrium.portal;

import static io.atrium.portal.PortalFixtures.location;
import static io.atrium.portal.PortalFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** The home page: who you are here, what your role lets you do, switching clients and companies. */
class PortalHomeTests extends AtriumIntegrationTest {

	private final PortalAccessManagement access;
	private final PortalFixtures fixtures;

	@Autowired
	PortalHomeTests(StaffManagement staff, FirmManagement firms, ClientManagement clients, PortalAccessManagement access) {
		this.access = access;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	@Test
	void eachRoleSeesWhatItMayDoInPlainWords() {
		var expectations = Map.of(PortalRole.OWNER, "manage who else has access", PortalRole.EDITOR,
				"You can upload documents, sign, and view and pay invoices.", PortalRole.SIGNER,
				"You can upload documents, sign, and view and pay invoices.", PortalRole.VIEWER,
				"You can see and download what your firm shares with you.");
		expectations.forEach((role, words) -> {
			var member = fixtures.aMember(role);
			var http = visitor();
			signIn(http, member);
			var home = http.get(member.path("/"));
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.body()).contains(words).contains(member.client().name()).contains("Casey Contact");
			assertThat(home.body().contains(member.path("/people"))).as("People link for " + role)
				.isEqualTo(role == PortalRole.OWNER);
		});
	}

	@Test
	void aContactOfSeveralClientsSwitchesBetweenThemWithoutSigningInAgain() {
		var firm = fixtures.aFirm();
		var email = StaffFixtures.uniqueEmail("both");
		var business = fixtures.client(firm, "Sam's Bakery LLC");
		var personal = fixtures.client(firm, "Sam Baker");
		var owner = fixtures.member(firm, business, "Sam Baker", email, PortalRole.OWNER);
		var taxpayer = fixtures.member(firm, personal, "Sam Baker", email, PortalRole.VIEWER);
		var http = visitor();
		signIn(http, firm.slug(), email, taxpayer.password());
		var home = http.get(firm.path("/"));
		assertThat(home.body()).contains("Switch client").contains("Sam&#39;s Bakery LLC").contains("Sam Baker");

		var toPersonal = http.post(firm.path("/switch"), Map.of("contact", taxpayer.contact().id().toString()));
		assertThat(location(toPersonal)).endsWith(firm.path("/"));
		var now = http.get(firm.path("/"));
		assertThat(now.body()).contains("Viewer");
		assertThat(http.get(firm.path("/people")).statusCode()).isEqualTo(403);

		http.post(firm.path("/switch"), Map.of("contact", owner.contact().id().toString()));
		assertThat(http.get(firm.path("/")).body()).contains("manage who else has access");
		assertThat(http.get(firm.path("/people")).statusCode()).isEqualTo(200);
	}

	@Test
	void switchingToAContactThatIsNotYoursIsNotFound() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var stranger = fixtures.aMember(member.firm(), PortalRole.OWNER);
		var http = visitor();
		signIn(http, member);
		http.get(member.path("/"));
		assertThat(http.post(member.path("/switch"), Map.of("contact", stranger.contact().id().toString())).statusCode())
			.isEqualTo(404);
		assertThat(http.post(member.path("/switch"), Map.of("contact", UUID.randomUUID().toString())).statusCode())
			.isEqualTo(404);
		assertThat(http.post(member.path("/switch"), Map.of("contact", "not-a-uuid")).statusCode()).isEqualTo(404);
		assertThat(http.post(member.path("/switch"), Map.of()).statusCode()).isEqualTo(404);
		assertThat(http.get(member.path("/")).body()).as("still acting as before").contains(member.client().name());
	}

	@Test
	void spousesSharingAnAddressPickWhichContactActs() {
		var firm = fixtures.aFirm();
		var email = StaffFixtures.uniqueEmail("couple");
		var client = fixtures.client(firm, "Pat and Alex Lee");
		var pat = fixtures.member(firm, client, "Pat Lee", email, PortalRole.OWNER);
		var alex = fixtures.member(firm, client, "Alex Lee", email, PortalRole.SIGNER);
		var http = visitor();
		signIn(http, firm.slug(), email, alex.password());
		var home = http.get(firm.path("/"));
		assertThat(home.body()).contains("Pat and Alex Lee — as Pat Lee").contains("Pat and Alex Lee — as Alex Lee");
		http.post(firm.path("/switch"), Map.of("contact", alex.contact().id().toString()));
		assertThat(http.get(firm.path("/")).body()).contains("Welcome, Alex Lee").contains("Signer");
		http.post(firm.path("/switch"), Map.of("contact", pat.contact().id().toString()));
		assertThat(http.get(firm.path("/")).body()).contains("Welcome, Pat Lee");
	}

	@Test
	void whenTheActingContactLosesAccessAnotherMembershipTakesOver() {
		var firm = fixtures.aFirm();
		var email = StaffFixtures.uniqueEmail("two");
		var first = fixtures.member(firm, fixtures.client(firm, "First Client"), "Jo Two", email, PortalRole.OWNER);
		var second = fixtures.member(firm, fixtures.client(firm, "Second Client"), "Jo Two", email, PortalRole.EDITOR);
		var http = visitor();
		signIn(http, firm.slug(), email, second.password());
		http.get(firm.path("/"));
		http.post(firm.path("/switch"), Map.of("contact", first.contact().id().toString()));
		access.revoke(firm.owner(), first.client().id(), first.contact().id());
		var home = http.get(firm.path("/"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Second Client").contains("you now see Second Client");
	}

	@Test
	void switchCompanyListsOtherFirmsWithTheSameAddressAndSendsToTheirSignIn() {
		var email = StaffFixtures.uniqueEmail("multi");
		var a = fixtures.aFirm();
		var b = fixtures.aFirm();
		var atA = fixtures.member(a, fixtures.client(a, "Client at A"), "Mo Multi", email, PortalRole.OWNER);
		fixtures.member(b, fixtures.client(b, "Client at B"), "Mo Multi", email, PortalRole.EDITOR);
		var http = visitor();
		signIn(http, atA);
		var home = http.get(a.path("/"));
		assertThat(home.body()).contains("Switch company")
			.contains("Sign in to " + b.view().name())
			.contains("/p/" + b.slug() + "/signin?email=");
		assertThat(location(http.get(b.path("/")))).as("nothing shared between firms").endsWith(b.path("/signin"));
		var bSignIn = http.get(b.path("/signin?email=" + email));
		assertThat(bSignIn.body()).contains("value=\"" + email + "\"");
	}
}

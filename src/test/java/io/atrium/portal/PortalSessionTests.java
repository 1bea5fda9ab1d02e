package io.atrium.portal;

import static io.atrium.portal.PortalFixtures.location;
import static io.atrium.portal.PortalFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** Portal sessions: separate from staff sessions, tied to one firm, re-checked on every request, timed out. */
class PortalSessionTests extends AtriumIntegrationTest {

	private final PortalAccessManagement access;
	private final PortalFixtures fixtures;

	@Autowired
	PortalSessionTests(StaffManagement staff, FirmManagement firms, ClientManagement clients, PortalAccessManagement access) {
		this.access = access;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	@Test
	void signingOutEndsThePortalSession() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		signIn(http, member);
		var out = http.submit(member.path("/"), member.path("/signout"), Map.of());
		assertThat(location(out)).endsWith(member.path("/signin?signedout"));
		assertThat(http.get(location(out).replaceFirst("^https?://[^/]+", "")).body()).contains("You have signed out.");
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin"));
	}

	@Test
	void aStaffSessionDoesNotOpenThePortalAndAPortalSessionDoesNotOpenTheFirmApp() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var staffBrowser = visitor();
		staffBrowser.signIn(member.firm().owner().email(), StaffFixtures.PASSWORD);
		assertThat(staffBrowser.get("/app").statusCode()).isEqualTo(200);
		assertThat(location(staffBrowser.get(member.path("/")))).endsWith(member.path("/signin"));

		var portalBrowser = visitor();
		signIn(portalBrowser, member);
		assertThat(portalBrowser.get(member.path("/")).statusCode()).isEqualTo(200);
		assertThat(location(portalBrowser.get("/app"))).endsWith("/signin");
		assertThat(portalBrowser.get("/api/v1/clients").statusCode()).isEqualTo(401);
	}

	@Test
	void oneBrowserCanHoldBothSessionsAndSigningOutOfThePortalKeepsTheStaffOne() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		http.signIn(member.firm().owner().email(), StaffFixtures.PASSWORD);
		signIn(http, member);
		assertThat(http.get("/app").statusCode()).isEqualTo(200);
		assertThat(http.get(member.path("/")).statusCode()).isEqualTo(200);
		http.submit(member.path("/"), member.path("/signout"), Map.of());
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin"));
		assertThat(http.get("/app").statusCode()).as("staff session intact").isEqualTo(200);
	}

	@Test
	void aSessionOfOneFirmDoesNotOpenAnotherFirmsPortal() {
		var a = fixtures.aMember(PortalRole.OWNER);
		var b = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		signIn(http, a);
		assertThat(location(http.get(b.path("/")))).endsWith(b.path("/signin"));
		assertThat(location(http.get(b.path("/people")))).endsWith(b.path("/signin"));
		var bSignIn = http.get(b.path("/signin"));
		assertThat(bSignIn.statusCode()).as("B's sign-in page, not a redirect").isEqualTo(200);
		assertThat(bSignIn.body()).contains(b.firm().view().name());
		assertThat(http.get(a.path("/")).statusCode()).as("A's session is untouched").isEqualTo(200);
		assertThat(signIn(http, b.firm().slug(), a.email(), a.password()).body())
			.as("A's credentials mean nothing at B").contains("That email and password do not match");
	}

	@Test
	void revokingAccessEndsALiveSessionOnItsNextRequest() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		signIn(http, member);
		assertThat(http.get(member.path("/")).statusCode()).isEqualTo(200);
		access.revoke(member.firm().owner(), member.client().id(), member.contact().id());
		var next = http.get(member.path("/"));
		assertThat(location(next)).endsWith(member.path("/signin?ended"));
		assertThat(http.get(member.path("/signin?ended")).body()).contains("Your session has ended");
		access.reenable(member.firm().owner(), member.client().id(), member.contact().id());
		assertThat(location(http.get(member.path("/")))).as("the session stays ended").endsWith(member.path("/signin"));
	}

	@Test
	void removingAccessEndsALiveSession() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var http = visitor();
		signIn(http, member);
		access.remove(member.firm().owner(), member.client().id(), member.contact().id());
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin?ended"));
	}

	@Test
	void deletingTheContactEndsALiveSession() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var http = visitor();
		signIn(http, member);
		access.deleteContact(member.firm().owner(), member.client().id(), member.contact().id());
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin?ended"));
	}

	@Test
	void aNewPasswordFromTheFirmEndsOlderSessions() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var http = visitor();
		signIn(http, member);
		var password = access.resetPassword(member.firm().owner(), member.client().id(), member.contact().id());
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin?ended"));
		assertThat(location(signIn(visitor(), member.firm().slug(), member.email(), password)))
			.endsWith(member.path("/"));
	}

	@Test
	void aRoleChangeAppliesOnTheNextRequest() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		signIn(http, member);
		assertThat(http.get(member.path("/people")).statusCode()).isEqualTo(200);
		access.changeRole(member.firm().owner(), member.client().id(), member.contact().id(), PortalRole.VIEWER);
		var home = http.get(member.path("/"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Viewer").contains("You can see and download what your firm shares with you");
		assertThat(http.get(member.path("/people")).statusCode()).isEqualTo(403);

		access.changeRole(member.firm().owner(), member.client().id(), member.contact().id(), PortalRole.NOTIFY_ONLY);
		assertThat(location(http.get(member.path("/")))).as("Notify-only never signs in")
			.endsWith(member.path("/signin?ended"));
	}

	@Test
	void anIdleSessionEndsAfterTheFirmsIdleTimeout() {
		var member = fixtures.aMember(PortalRole.OWNER);
		access.updateSettings(member.firm().owner(), new PortalSettings(SignInMethods.BOTH, 48, 7, 10));
		var http = visitor();
		signIn(http, member);
		clock.advance(Duration.ofMinutes(9));
		assertThat(http.get(member.path("/")).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(9));
		assertThat(http.get(member.path("/")).statusCode()).as("activity keeps it alive").isEqualTo(200);
		clock.advance(Duration.ofMinutes(11));
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin?expired"));
		assertThat(http.get(member.path("/signin?expired")).body()).contains("idle for too long");
	}

	@Test
	void aSessionEndsAtTheAbsoluteTimeoutHoweverActive() {
		var member = fixtures.aMember(PortalRole.OWNER);
		access.updateSettings(member.firm().owner(), new PortalSettings(SignInMethods.BOTH, 48, 7, 720));
		var http = visitor();
		signIn(http, member);
		for (int i = 0; i < 3; i++) {
			clock.advance(Duration.ofHours(3));
			var page = http.get(member.path("/"));
			assertThat(page.statusCode()).as(location(page)).isEqualTo(200);
		}
		clock.advance(Duration.ofMinutes(3 * 60 + 30));
		assertThat(location(http.get(member.path("/")))).endsWith(member.path("/signin?limit"));
		assertThat(http.get(member.path("/signin?limit")).body()).contains("reached its time limit");
	}
}

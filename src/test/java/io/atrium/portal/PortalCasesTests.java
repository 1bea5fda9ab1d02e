package io.atrium.portal;

import static io.atrium.portal.PortalFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** The home page's shared cases and the case page: nothing of an engagement shows before it is shared. */
class PortalCasesTests extends AtriumIntegrationTest {

	private final PortalFixtures fixtures;
	private final EngagementManagement engagements;

	@Autowired
	PortalCasesTests(StaffManagement staff, FirmManagement firms, ClientManagement clients,
			PortalAccessManagement access, EngagementManagement engagements) {
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
		this.engagements = engagements;
	}

	private EngagementId anEngagement(StaffPrincipal owner, ClientId client, String name) {
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		return engagements.open(owner, client, new EngagementDraft(name, type, "2025", null, null));
	}

	@Test
	void aSharedCaseAppearsOnTheHomePageAndOpensAnUnsharedOneDoesNotExist() {
		var member = fixtures.aMember(PortalRole.VIEWER);
		var owner = member.firm().owner();
		var shared = anEngagement(owner, member.client().id(), "2025 1040");
		var hidden = anEngagement(owner, member.client().id(), "2026 Planning");
		engagements.shareInPortal(owner, shared, true);
		var http = visitor();
		signIn(http, member);

		var home = http.get(member.path("/"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Your cases").contains("2025 1040").doesNotContain("2026 Planning")
			.contains("Nothing is waiting for you");

		var page = http.get(member.path("/cases/" + shared));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("2025 1040").contains("/cases/" + shared + "/requests")
			.contains("/cases/" + shared + "/documents").contains("/cases/" + shared + "/notes");

		assertThat(http.get(member.path("/cases/" + hidden)).statusCode()).isEqualTo(404);
		assertThat(http.get(member.path("/cases/not-an-id")).statusCode()).isEqualTo(404);
	}

	@Test
	void anotherClientsOrAnotherFirmsCaseDoesNotExist() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var owner = member.firm().owner();
		var neighbour = fixtures.client(member.firm(), "Neighbour Inc");
		var theirs = anEngagement(owner, neighbour.id(), "Neighbour 1120S");
		engagements.shareInPortal(owner, theirs, true);
		var elsewhere = fixtures.aMember(PortalRole.OWNER);
		var foreign = anEngagement(elsewhere.firm().owner(), elsewhere.client().id(), "Foreign 1065");
		engagements.shareInPortal(elsewhere.firm().owner(), foreign, true);
		var http = visitor();
		signIn(http, member);

		assertThat(http.get(member.path("/")).body()).doesNotContain("Neighbour 1120S").doesNotContain("Foreign 1065");
		assertThat(http.get(member.path("/cases/" + theirs)).statusCode()).isEqualTo(404);
		assertThat(http.get(member.path("/cases/" + foreign)).statusCode()).isEqualTo(404);
	}

	@Test
	void aCaseNeedsSigningIn() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var shared = anEngagement(member.firm().owner(), member.client().id(), "2025 1040");
		engagements.shareInPortal(member.firm().owner(), shared, true);
		var response = visitor().get(member.path("/cases/" + shared));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(PortalFixtures.location(response)).contains("/signin");
	}
}

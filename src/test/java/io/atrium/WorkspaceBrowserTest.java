package io.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.client.NewClient;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** What an Owner does in the workspace: assign a preparer with the picker, bulk assign, filter the pipeline. */
class WorkspaceBrowserTest extends BrowserTest {

	private final ApplicationContext context;
	private final StaffManagement staff;
	private final ClientManagement clients;
	private final EngagementManagement engagements;

	@Autowired
	WorkspaceBrowserTest(ApplicationContext context, StaffManagement staff, ClientManagement clients, EngagementManagement engagements) {
		this.context = context;
		this.staff = staff;
		this.clients = clients;
		this.engagements = engagements;
	}


	@Test
	void anOwnerAssignsAPreparerBulkAssignsAReviewerAndFiltersThePipeline() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		var preparer = StaffFixtures.aMember(context, owner, EnumSet.noneOf(Permission.class), BuiltInTeam.PREPARERS);
		var reviewer = StaffFixtures.aMember(context, owner, EnumSet.noneOf(Permission.class), BuiltInTeam.REVIEWERS);
		var harbor = clients.create(owner, new NewClient(ClientType.BUSINESS, "Harbor Bakery LLC", null, null, null)).id();
		var garcia = clients.create(owner, new NewClient(ClientType.INDIVIDUAL, "Maria Garcia", null, null, null)).id();
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		engagements.open(owner, harbor, new EngagementDraft("2025 1120S", type, "2025", null, null));
		engagements.open(owner, garcia, new EngagementDraft("2025 1040", type, "2025", null, null));

		signInAsStaff(owner.email());

		// the picker on the client's Info tab saves as soon as a preparer is chosen
		open("/app/clients/" + harbor);
		var picker = waitFor(By.id("assign-PREPARER"));
		new Select(picker).selectByVisibleText(preparer.name());
		waitUntil(d -> preparerOf(owner, harbor).equals(preparer.name()));
		assertThat(new Select(waitFor(By.id("assign-PREPARER"))).getFirstSelectedOption().getText())
			.isEqualTo(preparer.name());

		// bulk assign: select every client on the page, pick role and person, apply
		open("/app/clients");
		click(By.id("select-page"));
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-bar")));
		new Select(waitFor(By.id("bulk-role"))).selectByValue(AssignmentRole.REVIEWER.name());
		new Select(waitFor(By.id("bulk-staff"))).selectByVisibleText(reviewer.name());
		click(By.id("bulk-apply"));
		waitForText(By.cssSelector(".notice"), "2");
		assertThat(reviewerOf(owner, harbor)).isEqualTo(reviewer.name());
		assertThat(reviewerOf(owner, garcia)).isEqualTo(reviewer.name());

		// the pipeline, filtered to the preparer's work, shows the bakery's engagement and not the Garcias'
		open("/app/pipeline");
		new Select(waitFor(By.id("filter-assignee"))).selectByVisibleText(preparer.name());
		new Select(waitFor(By.id("filter-role"))).selectByValue(AssignmentRole.PREPARER.name());
		click(By.cssSelector("#pipeline-filters button[type=submit]"));
		var board = waitForText(By.id("pipeline-board"), "Harbor Bakery LLC");
		assertThat(board.getText()).contains("2025 1120S").doesNotContain("Maria Garcia");
	}

	private String preparerOf(io.atrium.staff.StaffPrincipal owner, ClientId client) {
		return nameIn(owner, client, AssignmentRole.PREPARER);
	}

	private String reviewerOf(io.atrium.staff.StaffPrincipal owner, ClientId client) {
		return nameIn(owner, client, AssignmentRole.REVIEWER);
	}

	private String nameIn(io.atrium.staff.StaffPrincipal owner, ClientId client, AssignmentRole role) {
		return engagements.clientAssignments(owner, client).roles().stream()
			.filter(r -> r.role() == role && r.assignee() != null)
			.map(r -> r.assignee().name())
			.findFirst()
			.orElse("");
	}
}

package io.atrium.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientQuery;
import io.atrium.client.ClientType;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffManagement.NewFirm;

/** A firm set up with demo data starts with onboarding defaults, assigned clients and a pipeline to look at. */
class DemoEngagementsTest extends AtriumIntegrationTest {

	final StaffManagement staff;
	final ClientManagement clients;
	final EngagementManagement engagements;

	@Autowired
	DemoEngagementsTest(StaffManagement staff, ClientManagement clients, EngagementManagement engagements) {
		this.staff = staff;
		this.clients = clients;
		this.engagements = engagements;
	}

	@Test
	void aDemoFirmsClientsHaveTheirTeamsAndEngagementsAcrossThePipeline() {
		var email = StaffFixtures.uniqueEmail("demo");
		var view = staff.signUp(new NewFirm("Demo & Co", StaffFixtures.uniqueSlug(), "Olive Owner", email,
				StaffFixtures.PASSWORD, true));
		var owner = staff.activePrincipal(view.id()).orElseThrow();

		var defaults = engagements.onboardingDefaults(owner);
		for (var type : ClientType.values()) {
			for (var role : AssignmentRole.values()) {
				assertThat(defaults.get(type, role).assignee()).as("%s %s", type, role).isNotNull();
				assertThat(defaults.get(type, role).eligible()).isTrue();
			}
		}
		var preparer = defaults.get(ClientType.INDIVIDUAL, AssignmentRole.PREPARER).assignee().id();
		assertThat(staff.get(owner, preparer).role()).isEqualTo(FirmRole.MEMBER);

		var all = clients.matchingIds(owner, ClientQuery.everything());
		assertThat(all).isNotEmpty();
		for (var client : all) {
			var assignments = engagements.clientAssignments(owner, client);
			assertThat(assignments.roles()).as("assignments of %s", assignments.clientName())
				.allSatisfy(r -> assertThat(r.assignee()).isNotNull());
			assertThat(engagements.engagements(owner, client).engagements()).as("engagements of %s",
					assignments.clientName()).isNotEmpty();
		}

		var pipeline = engagements.pipeline(owner, PipelineFilter.NONE);
		assertThat(pipeline.total()).isGreaterThan(all.size());
		assertThat(pipeline.columns()).filteredOn(c -> c.total() > 0).hasSizeGreaterThan(4);
		var overridden = all.stream()
			.flatMap(c -> engagements.engagements(owner, c).engagements().stream())
			.map(e -> engagements.engagement(owner, e.id()))
			.filter(e -> e.assignments().stream().anyMatch(EngagementRoleAssignment::overridden))
			.count();
		assertThat(overridden).as("engagements with an assignment of their own").isPositive();

		// a Preparer of the demo firm sees the clients assigned to them
		var jordan = staff.activePrincipal(preparer).orElseThrow();
		assertThat(engagements.pipeline(jordan, new PipelineFilter(jordan.id(), AssignmentRole.PREPARER, null)).total())
			.isPositive();
	}
}

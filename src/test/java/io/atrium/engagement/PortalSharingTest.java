package io.atrium.engagement;

import static io.atrium.engagement.EngagementFixtures.aMemberIn;
import static io.atrium.engagement.EngagementFixtures.aMemberWith;
import static io.atrium.engagement.EngagementFixtures.anIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** The Share in client portal toggle, the portal's view of shared cases, and who is told of client activity. */
@RecordApplicationEvents
class PortalSharingTest extends AtriumIntegrationTest {

	final EngagementManagement engagements;
	final ClientManagement clients;
	final StaffManagement staff;
	final JdbcClient jdbc;

	@Autowired
	PortalSharingTest(EngagementManagement engagements, ClientManagement clients, StaffManagement staff,
			JdbcClient jdbc) {
		this.engagements = engagements;
		this.clients = clients;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	@Autowired
	ApplicationEvents events;

	StaffPrincipal owner;
	StaffPrincipal jane;
	StaffPrincipal pat;
	ClientId garcia;
	EngagementId returns;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		jane = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Jane Preparer");
		pat = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Pat Assigned");
		garcia = anIndividual(clients, owner, "Maria & Luis Garcia");
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		returns = engagements.open(owner, garcia, new EngagementDraft("2025 1040", type, "2025", null, null));
	}

	@Test
	void nothingIsSharedUntilTheToggleAndSharingTellsTheClient() {
		assertThat(engagements.sharedCases(owner.firm(), garcia)).isEmpty();
		assertThat(engagements.sharedCase(owner.firm(), garcia, returns)).isEmpty();

		var portal = engagements.shareInPortal(owner, returns, true);

		assertThat(portal.shared()).isTrue();
		assertThat(portal.sharedAt()).isNotNull();
		assertThat(engagements.sharedCases(owner.firm(), garcia)).extracting(SharedCase::name).containsExactly("2025 1040");
		assertThat(events.stream(EngagementSharedInPortal.class)).singleElement()
			.satisfies(e -> assertThat(e.shared()).isTrue());
		assertThat(EngagementFixtures.audited(jdbc, owner.firm(), "engagement.shared-in-portal")).hasSize(1);

		// sharing again changes nothing and tells nobody twice
		engagements.shareInPortal(owner, returns, true);
		assertThat(events.stream(EngagementSharedInPortal.class)).hasSize(1);

		engagements.shareInPortal(owner, returns, false);
		assertThat(engagements.sharedCases(owner.firm(), garcia)).isEmpty();
		assertThat(engagements.ref(owner.firm(), returns)).get().satisfies(r -> assertThat(r.sharedInPortal()).isFalse());
	}

	@Test
	void aSharedCaseIsOnlyItsOwnClients() {
		engagements.shareInPortal(owner, returns, true);
		var other = anIndividual(clients, owner, "Somebody Else");
		assertThat(engagements.sharedCase(owner.firm(), other, returns)).isEmpty();

		var otherFirm = StaffFixtures.aFirmWithOwner(staff);
		assertThat(engagements.sharedCase(otherFirm.firm(), garcia, returns)).isEmpty();
		assertThat(engagements.ref(otherFirm.firm(), returns)).isEmpty();
		assertThatThrownBy(() -> engagements.shareInPortal(otherFirm, returns, false))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyThoseWhoMayWorkTheEngagementShareIt() {
		var viewer = aMemberWith(Set.of(Permission.VIEW_CLIENTS), staff, events, owner, "Vic Viewer");
		// cannot see the client at all: it does not exist for them
		assertThatThrownBy(() -> engagements.shareInPortal(viewer, returns, true)).isInstanceOf(NotFoundException.class);

		engagements.assignEngagement(owner, returns, AssignmentRole.PREPARER, jane.id());
		var janeNow = staff.activePrincipal(jane.id()).orElseThrow();
		assertThat(engagements.shareInPortal(janeNow, returns, true).shared()).isTrue();

		var reader = aMemberWith(Set.of(Permission.VIEW_CLIENTS, Permission.ACCESS_ALL_CLIENTS), staff, events, owner,
				"Ann Reader");
		assertThat(engagements.portal(reader, returns).changeable()).isFalse();
		assertThatThrownBy(() -> engagements.shareInPortal(reader, returns, false))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void preparerAndAssignedToAreToldByDefaultUntilPeopleAreChosen() {
		assertThat(engagements.activityRecipients(owner.firm(), returns)).isEmpty();

		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, jane.id());
		engagements.assignClient(owner, garcia, AssignmentRole.ASSIGNED_TO, jane.id());
		assertThat(engagements.activityRecipients(owner.firm(), returns)).containsExactly(jane.id());
		assertThat(engagements.clientActivityRecipients(owner.firm(), garcia)).containsExactly(jane.id());

		// the engagement's own assignment overrides the client's
		engagements.assignEngagement(owner, returns, AssignmentRole.ASSIGNED_TO, pat.id());
		assertThat(engagements.activityRecipients(owner.firm(), returns)).containsExactly(jane.id(), pat.id());

		var portal = engagements.chooseActivityRecipients(owner, returns, List.of(owner.id()), false);
		assertThat(portal.recipientsChosen()).isTrue();
		assertThat(engagements.activityRecipients(owner.firm(), returns)).containsExactly(owner.id());

		engagements.chooseActivityRecipients(owner, returns, List.of(), true);
		assertThat(engagements.activityRecipients(owner.firm(), returns)).containsExactly(jane.id(), pat.id());
	}

	@Test
	void onlyColleaguesCanBeChosenAndDeactivatedOnesAreNotTold() {
		var stranger = StaffFixtures.aFirmWithOwner(staff);
		assertThatThrownBy(() -> engagements.chooseActivityRecipients(owner, returns, List.of(stranger.id()), false))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					e -> assertThat(e.messageKey()).isEqualTo("engagement.recipients.unknown"));
		assertThatThrownBy(() -> engagements.chooseActivityRecipients(owner, returns,
				List.of(new StaffId(java.util.UUID.randomUUID())), false))
			.isInstanceOf(InvalidRequestException.class);

		engagements.chooseActivityRecipients(owner, returns, List.of(jane.id(), pat.id()), false);
		staff.deactivate(owner, pat.id());
		assertThat(engagements.activityRecipients(owner.firm(), returns)).containsExactly(jane.id());
	}
}

package io.atrium.engagement;

import static io.atrium.engagement.EngagementFixtures.aBusiness;
import static io.atrium.engagement.EngagementFixtures.aColleague;
import static io.atrium.engagement.EngagementFixtures.aMemberIn;
import static io.atrium.engagement.EngagementFixtures.aMemberWith;
import static io.atrium.engagement.EngagementFixtures.anIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.client.NewClient;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.FirmRole;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** Assignments through the facade: eligibility, inherit and override, who may change them, onboarding defaults. */
@RecordApplicationEvents
class AssignmentRulesTest extends AtriumIntegrationTest {

	final EngagementManagement engagements;
	final ClientManagement clients;
	final StaffManagement staff;

	@Autowired
	AssignmentRulesTest(EngagementManagement engagements, ClientManagement clients, StaffManagement staff) {
		this.engagements = engagements;
		this.clients = clients;
		this.staff = staff;
	}

	/** Not a module's bean: recorded per test, injected as the test framework prescribes. */
	@Autowired
	ApplicationEvents events;

	StaffPrincipal owner;
	StaffPrincipal jane;
	StaffPrincipal riley;
	StaffPrincipal morgan;
	StaffPrincipal sam;
	ClientId garcia;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		jane = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Jane Preparer");
		riley = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Riley Preparer");
		morgan = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner, "Morgan Reviewer");
		sam = aMemberIn(BuiltInTeam.SIGNERS, staff, events, owner, "Sam Signer");
		garcia = anIndividual(clients, owner, "Maria & Luis Garcia");
	}

	private static void refusedAsIneligible(Runnable action, AssignmentRole role) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
			assertThat(e.field()).isEqualTo("staffId");
			assertThat(e.messageKey()).isEqualTo("assignment.ineligible." + role.name());
		});
	}

	private StaffId holder(ClientId client, AssignmentRole role) {
		var assignee = engagements.clientAssignments(owner, client)
			.roles()
			.stream()
			.filter(r -> r.role() == role)
			.findFirst()
			.orElseThrow()
			.assignee();
		return assignee == null ? null : assignee.id();
	}

	private EngagementId anEngagement(ClientId client, String name) {
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		return engagements.open(owner, client, new EngagementDraft(name, type, "2025", null, null));
	}

	private EngagementRoleAssignment role(EngagementId engagement, AssignmentRole role) {
		return engagements.engagement(owner, engagement)
			.assignments()
			.stream()
			.filter(r -> r.role() == role)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void thePickersOfferOnlyEligibleActiveColleagues() {
		var deactivated = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Dana Gone");
		staff.deactivate(owner, deactivated.id());
		var invited = staff.invite(owner, StaffFixtures.uniqueEmail("invited"), "Ivy Invited", FirmRole.ADMIN);

		var roles = engagements.clientAssignments(owner, garcia).roles();
		var preparers = roles.get(AssignmentRole.PREPARER.ordinal()).options().stream().map(Assignee::id).toList();
		assertThat(preparers).contains(owner.id(), jane.id(), riley.id())
			.doesNotContain(morgan.id(), sam.id(), deactivated.id(), invited.id());
		var signers = roles.get(AssignmentRole.SIGNER.ordinal()).options().stream().map(Assignee::id).toList();
		assertThat(signers).contains(owner.id(), sam.id()).doesNotContain(jane.id(), morgan.id());
		var reviewers = roles.get(AssignmentRole.REVIEWER.ordinal()).options().stream().map(Assignee::id).toList();
		assertThat(reviewers).contains(morgan.id(), sam.id()).doesNotContain(jane.id());
		var assignedTo = roles.get(AssignmentRole.ASSIGNED_TO.ordinal()).options().stream().map(Assignee::id).toList();
		assertThat(assignedTo).contains(jane.id(), morgan.id(), sam.id()).doesNotContain(deactivated.id());
	}

	@Test
	void refusesIneligibleDeactivatedUnknownAndOtherFirmsStaffWithAMessage() {
		var deactivated = aMemberIn(BuiltInTeam.SIGNERS, staff, events, owner, "Dana Gone");
		staff.deactivate(owner, deactivated.id());
		var invited = staff.invite(owner, StaffFixtures.uniqueEmail("invited"), "Ivy Invited", FirmRole.ADMIN);
		var otherFirm = StaffFixtures.aFirmWithOwner(staff);

		refusedAsIneligible(() -> engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, morgan.id()),
				AssignmentRole.PREPARER);
		refusedAsIneligible(() -> engagements.assignClient(owner, garcia, AssignmentRole.SIGNER, jane.id()),
				AssignmentRole.SIGNER);
		refusedAsIneligible(() -> engagements.assignClient(owner, garcia, AssignmentRole.SIGNER, deactivated.id()),
				AssignmentRole.SIGNER);
		refusedAsIneligible(() -> engagements.assignClient(owner, garcia, AssignmentRole.ASSIGNED_TO, invited.id()),
				AssignmentRole.ASSIGNED_TO);
		refusedAsIneligible(() -> engagements.assignClient(owner, garcia, AssignmentRole.ASSIGNED_TO, otherFirm.id()),
				AssignmentRole.ASSIGNED_TO);
		refusedAsIneligible(() -> engagements.assignClient(owner, garcia, AssignmentRole.REVIEWER,
				new StaffId(UUID.randomUUID())), AssignmentRole.REVIEWER);
		assertThat(holder(garcia, AssignmentRole.SIGNER)).isNull();
		assertThat(events.stream(ClientAssignmentChanged.class)).isEmpty();

		engagements.assignClient(owner, garcia, AssignmentRole.SIGNER, sam.id());
		assertThat(holder(garcia, AssignmentRole.SIGNER)).isEqualTo(sam.id());
		assertThat(events.stream(ClientAssignmentChanged.class)).containsExactly(
				new ClientAssignmentChanged(owner.firm(), garcia, AssignmentRole.SIGNER, null, sam.id(), owner.id()));
	}

	@Test
	void onePersonMayHoldSeveralRolesAndUnassigningEmptiesOne() {
		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, owner.id());
		engagements.assignClient(owner, garcia, AssignmentRole.SIGNER, owner.id());
		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, owner.id());
		assertThat(holder(garcia, AssignmentRole.PREPARER)).isEqualTo(owner.id());
		assertThat(holder(garcia, AssignmentRole.SIGNER)).isEqualTo(owner.id());

		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, null);
		assertThat(holder(garcia, AssignmentRole.PREPARER)).isNull();
		assertThat(holder(garcia, AssignmentRole.SIGNER)).isEqualTo(owner.id());
		assertThat(events.stream(ClientAssignmentChanged.class)).hasSize(3)
			.last()
			.isEqualTo(new ClientAssignmentChanged(owner.firm(), garcia, AssignmentRole.PREPARER, owner.id(), null,
					owner.id()));
	}

	@Test
	void anEngagementInheritsTheClientsAssignmentsUntilItOverridesThem() {
		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, jane.id());
		var return1120 = anEngagement(garcia, "2025 1120S");
		var return1040 = anEngagement(garcia, "2025 1040");

		var inherited = role(return1120, AssignmentRole.PREPARER);
		assertThat(inherited.overridden()).isFalse();
		assertThat(inherited.effective().id()).isEqualTo(jane.id());

		engagements.assignEngagement(owner, return1120, AssignmentRole.PREPARER, riley.id());
		var overridden = role(return1120, AssignmentRole.PREPARER);
		assertThat(overridden.overridden()).isTrue();
		assertThat(overridden.effective().id()).isEqualTo(riley.id());
		assertThat(overridden.client().id()).isEqualTo(jane.id());
		assertThat(holder(garcia, AssignmentRole.PREPARER)).as("the client keeps its own").isEqualTo(jane.id());
		assertThat(events.stream(EngagementAssignmentChanged.class)).containsExactly(new EngagementAssignmentChanged(
				owner.firm(), return1120, garcia, AssignmentRole.PREPARER, null, riley.id(), owner.id()));

		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, owner.id());
		assertThat(role(return1120, AssignmentRole.PREPARER).effective().id()).isEqualTo(riley.id());
		assertThat(role(return1040, AssignmentRole.PREPARER).effective().id()).isEqualTo(owner.id());
		assertThat(engagements.engagements(owner, garcia).engagements())
			.extracting(e -> e.name() + ":" + e.preparer().name())
			.containsExactlyInAnyOrder("2025 1120S:Riley Preparer", "2025 1040:Olive Owner");

		engagements.assignEngagement(owner, return1120, AssignmentRole.PREPARER, null);
		var reset = role(return1120, AssignmentRole.PREPARER);
		assertThat(reset.overridden()).isFalse();
		assertThat(reset.effective().id()).isEqualTo(owner.id());

		refusedAsIneligible(() -> engagements.assignEngagement(owner, return1120, AssignmentRole.SIGNER, jane.id()),
				AssignmentRole.SIGNER);
	}

	@Test
	void ownersAdminsAndAccessAllClientsChangeAssignmentsOnEveryClient() {
		var admin = aColleague(staff, events, owner, FirmRole.ADMIN, "Avery Admin");
		var accessAll = aMemberWith(Set.of(Permission.ACCESS_ALL_CLIENTS), staff, events, owner, "Alex All");
		for (var who : new StaffPrincipal[] { owner, admin, accessAll }) {
			var client = aBusiness(clients, owner, "Client of " + who.name());
			assertThat(engagements.clientAssignments(who, client).changeable()).isTrue();
			engagements.assignClient(who, client, AssignmentRole.PREPARER, jane.id());
			assertThat(holder(client, AssignmentRole.PREPARER)).isEqualTo(jane.id());
		}
	}

	@Test
	void editClientsChangesAssignmentsOnTheClientsItSees() {
		var editor = aMemberWith(Set.of(Permission.VIEW_CLIENTS, Permission.EDIT_CLIENTS), staff, events, owner,
				"Eddie Editor");
		var other = aBusiness(clients, owner, "Not Eddie's");
		engagements.assignClient(owner, garcia, AssignmentRole.ASSIGNED_TO, editor.id());

		engagements.assignClient(editor, garcia, AssignmentRole.PREPARER, jane.id());
		assertThat(holder(garcia, AssignmentRole.PREPARER)).isEqualTo(jane.id());
		assertThatThrownBy(() -> engagements.assignClient(editor, other, AssignmentRole.PREPARER, jane.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> engagements.clientAssignments(editor, other)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void builtInTeamMembersChangeAssignmentsOnlyWhereTheyAreAssigned() {
		var onEngagementOnly = aBusiness(clients, owner, "Blue Heron Bakery LLC");
		var notTheirs = aBusiness(clients, owner, "Northwind Landscaping Inc.");
		engagements.assignClient(owner, garcia, AssignmentRole.REVIEWER, morgan.id());
		var ret = anEngagement(onEngagementOnly, "2025 1065");
		engagements.assignEngagement(owner, ret, AssignmentRole.REVIEWER, morgan.id());

		// Reviewers have neither Edit clients nor Access all clients
		assertThat(morgan.can(Permission.EDIT_CLIENTS)).isFalse();
		engagements.assignClient(morgan, garcia, AssignmentRole.PREPARER, jane.id());
		engagements.assignClient(morgan, onEngagementOnly, AssignmentRole.SIGNER, sam.id());
		engagements.assignEngagement(morgan, ret, AssignmentRole.PREPARER, riley.id());
		assertThat(holder(garcia, AssignmentRole.PREPARER)).isEqualTo(jane.id());
		assertThat(holder(onEngagementOnly, AssignmentRole.SIGNER)).isEqualTo(sam.id());
		assertThatThrownBy(() -> engagements.assignClient(morgan, notTheirs, AssignmentRole.PREPARER, jane.id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void everyoneElseMayLookButNotChange() {
		var viewer = aMemberWith(Set.of(Permission.VIEW_CLIENTS, Permission.REVIEW), staff, events, owner, "Vic Viewer");
		engagements.assignClient(owner, garcia, AssignmentRole.REVIEWER, viewer.id());
		var ret = anEngagement(garcia, "2025 1040");

		var seen = engagements.clientAssignments(viewer, garcia);
		assertThat(seen.changeable()).isFalse();
		assertThat(seen.roles()).allSatisfy(r -> assertThat(r.options()).isEmpty());
		assertThatThrownBy(() -> engagements.assignClient(viewer, garcia, AssignmentRole.PREPARER, jane.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> engagements.assignEngagement(viewer, ret, AssignmentRole.PREPARER, jane.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> engagements.bulkAssign(viewer,
				new BulkAssignment(AssignmentRole.REVIEWER, viewer.id(), false), java.util.List.of(garcia)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(holder(garcia, AssignmentRole.PREPARER)).isNull();
	}

	@Test
	void anAssignmentOnOneEngagementIsEnoughToSeeTheClient() {
		var bakery = aBusiness(clients, owner, "Blue Heron Bakery LLC");
		var other = aBusiness(clients, owner, "Copper Kettle Catering Co.");
		var ret = anEngagement(bakery, "2025 1065");
		anEngagement(other, "2025 1120S");
		assertThatThrownBy(() -> engagements.engagements(morgan, bakery)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clients.get(morgan, bakery)).isInstanceOf(NotFoundException.class);

		engagements.assignEngagement(owner, ret, AssignmentRole.REVIEWER, morgan.id());

		assertThat(clients.get(morgan, bakery).name()).isEqualTo("Blue Heron Bakery LLC");
		assertThat(engagements.engagements(morgan, bakery).engagements()).extracting(EngagementSummary::name)
			.containsExactly("2025 1065");
		assertThat(engagements.engagement(morgan, ret).name()).isEqualTo("2025 1065");
		assertThatThrownBy(() -> engagements.engagements(morgan, other)).isInstanceOf(NotFoundException.class);
		assertThat(engagements.pipeline(morgan, PipelineFilter.NONE).columns())
			.flatExtracting(PipelineColumn::cards)
			.extracting(PipelineCard::clientName)
			.containsExactly("Blue Heron Bakery LLC");

		engagements.assignEngagement(owner, ret, AssignmentRole.REVIEWER, null);
		assertThatThrownBy(() -> engagements.engagement(morgan, ret)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void onboardingDefaultsFillANewClientsAssignmentsByType() {
		engagements.setOnboardingDefault(owner, ClientType.INDIVIDUAL, AssignmentRole.PREPARER, jane.id());
		engagements.setOnboardingDefault(owner, ClientType.INDIVIDUAL, AssignmentRole.REVIEWER, morgan.id());
		engagements.setOnboardingDefault(owner, ClientType.BUSINESS, AssignmentRole.PREPARER, riley.id());
		assertThat(events.stream(OnboardingDefaultsChanged.class)).hasSize(3);
		refusedAsIneligible(() -> engagements.setOnboardingDefault(owner, ClientType.BUSINESS, AssignmentRole.SIGNER,
				morgan.id()), AssignmentRole.SIGNER);

		var household = anIndividual(clients, owner, "Robert Chen");
		var business = aBusiness(clients, owner, "Chen Dental Group PC");
		assertThat(holder(household, AssignmentRole.PREPARER)).isEqualTo(jane.id());
		assertThat(holder(household, AssignmentRole.REVIEWER)).isEqualTo(morgan.id());
		assertThat(holder(household, AssignmentRole.SIGNER)).isNull();
		assertThat(holder(business, AssignmentRole.PREPARER)).isEqualTo(riley.id());
		assertThat(holder(business, AssignmentRole.REVIEWER)).isNull();
		assertThat(events.stream(ClientAssignmentChanged.class))
			.contains(new ClientAssignmentChanged(owner.firm(), household, AssignmentRole.PREPARER, null, jane.id(),
					owner.id()));

		// and they are the client's own afterwards, changed like any other
		engagements.assignClient(owner, household, AssignmentRole.PREPARER, riley.id());
		assertThat(holder(household, AssignmentRole.PREPARER)).isEqualTo(riley.id());
		// the defaults are visible to the Preparers on their new clients
		assertThat(clients.get(jane, anIndividual(clients, owner, "Priya Natarajan")).name()).isEqualTo("Priya Natarajan");
	}

	@Test
	void aDefaultWhoMayNoLongerHoldTheRoleIsLeftOut() {
		engagements.setOnboardingDefault(owner, ClientType.INDIVIDUAL, AssignmentRole.SIGNER, sam.id());
		engagements.setOnboardingDefault(owner, ClientType.INDIVIDUAL, AssignmentRole.PREPARER, jane.id());
		var signers = staff.teams(owner).stream().filter(t -> t.builtIn() == BuiltInTeam.SIGNERS).findFirst().orElseThrow();
		staff.removeFromTeam(owner, signers.id(), sam.id());
		staff.deactivate(owner, jane.id());

		var defaults = engagements.onboardingDefaults(owner);
		assertThat(defaults.get(ClientType.INDIVIDUAL, AssignmentRole.SIGNER).eligible()).isFalse();
		assertThat(defaults.get(ClientType.INDIVIDUAL, AssignmentRole.SIGNER).assignee().id()).isEqualTo(sam.id());

		var client = new NewClient(ClientType.INDIVIDUAL, "Grace Thompson", null, null, null);
		var created = clients.create(owner, client).id();
		assertThat(holder(created, AssignmentRole.SIGNER)).isNull();
		assertThat(holder(created, AssignmentRole.PREPARER)).isNull();
	}

	@Test
	void onlyOwnersAdminsAndManageFirmSettingsSetOnboardingDefaults() {
		var settings = aMemberWith(Set.of(Permission.MANAGE_FIRM_SETTINGS), staff, events, owner, "Sid Settings");
		engagements.setOnboardingDefault(settings, ClientType.BUSINESS, AssignmentRole.PREPARER, jane.id());
		assertThatThrownBy(() -> engagements.onboardingDefaults(jane)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> engagements.setOnboardingDefault(jane, ClientType.BUSINESS, AssignmentRole.PREPARER,
				jane.id())).isInstanceOf(AccessDeniedException.class);
		assertThat(engagements.onboardingDefaults(owner).get(ClientType.BUSINESS, AssignmentRole.PREPARER).assignee().id())
			.isEqualTo(jane.id());
	}

	@Test
	void anotherFirmsClientsAndEngagementsDoNotExist() {
		var ret = anEngagement(garcia, "2025 1040");
		var stranger = StaffFixtures.aFirmWithOwner(staff);
		assertThatThrownBy(() -> engagements.clientAssignments(stranger, garcia)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> engagements.assignClient(stranger, garcia, AssignmentRole.PREPARER, stranger.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> engagements.engagement(stranger, ret)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> engagements.assignEngagement(stranger, ret, AssignmentRole.PREPARER, null))
			.isInstanceOf(NotFoundException.class);
		var strangersStage = engagements.list(stranger, SettingsList.PIPELINE_STAGES).get(1).id();
		assertThatThrownBy(() -> engagements.moveToStage(owner, ret, strangersStage))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					e -> assertThat(e.messageKey()).isEqualTo("engagement.stage.unknown"));
		var result = engagements.bulkAssign(stranger, new BulkAssignment(AssignmentRole.PREPARER, stranger.id(), false),
				java.util.List.of(garcia));
		assertThat(result.changed()).isZero();
		assertThat(result.notAllowed()).isEqualTo(1);
		assertThat(holder(garcia, AssignmentRole.PREPARER)).isNull();
	}
}

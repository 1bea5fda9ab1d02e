package io.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientQuery;
import io.atrium.client.ClientType;
import io.atrium.client.NewClient;
import io.atrium.client.NewContact;
import io.atrium.engagement.BulkAssignment;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.PipelineFilter;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.FirmRole;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * Who sees what, as a matrix: every kind of staff user × three clients of their firm — one they are assigned to at
 * client level (A), one they are assigned to only through an engagement (B), one they are not assigned to (C) — and
 * one client of another firm (X), × every client, contact, engagement, assignment, pipeline, bulk and export action.
 * The expected outcome of each cell is written out per kind below, from DESIGN.md ("Who sees what") and the
 * workspace issue: denied reads are 404 and leak nothing through lists, counts, search or exports; denied writes on
 * a visible client are 403.
 */
class WhoSeesWhatMatrixTest extends AtriumIntegrationTest {

	private final ApplicationContext context;
	private final StaffManagement staff;
	private final ClientManagement clients;
	private final EngagementManagement engagements;
	private final JdbcClient jdbc;

	@Autowired
	WhoSeesWhatMatrixTest(ApplicationContext context, StaffManagement staff, ClientManagement clients, EngagementManagement engagements, JdbcClient jdbc) {
		this.context = context;
		this.staff = staff;
		this.clients = clients;
		this.engagements = engagements;
		this.jdbc = jdbc;
	}


	/** One kind of staff user: how they are made, and which of A, B, C they may see, edit and (re)assign. */
	enum Kind {
		OWNER(FirmRole.OWNER, Set.of(), null, "ABC", "ABC", "ABC"),
		ADMIN(FirmRole.ADMIN, Set.of(), null, "ABC", "ABC", "ABC"),
		NO_TEAM(FirmRole.MEMBER, Set.of(), null, "", "", ""),
		VIEW_CLIENTS(FirmRole.MEMBER, Set.of(Permission.VIEW_CLIENTS), null, "AB", "", ""),
		EDIT_CLIENTS_ALONE(FirmRole.MEMBER, Set.of(Permission.EDIT_CLIENTS), null, "", "", ""),
		VIEW_AND_EDIT(FirmRole.MEMBER, Set.of(Permission.VIEW_CLIENTS, Permission.EDIT_CLIENTS), null, "AB", "AB", "AB"),
		ACCESS_ALL(FirmRole.MEMBER, Set.of(Permission.ACCESS_ALL_CLIENTS), null, "ABC", "", "ABC"),
		PREPARE_ALONE(FirmRole.MEMBER, Set.of(Permission.PREPARE), null, "", "", ""),
		REVIEW_ALONE(FirmRole.MEMBER, Set.of(Permission.REVIEW), null, "", "", ""),
		SIGN_ALONE(FirmRole.MEMBER, Set.of(Permission.SIGN_RETURNS), null, "", "", ""),
		PORTAL_ALONE(FirmRole.MEMBER, Set.of(Permission.MANAGE_PORTAL_ACCESS), null, "", "", ""),
		BILLING_ALONE(FirmRole.MEMBER, Set.of(Permission.MANAGE_BILLING), null, "", "", ""),
		SETTINGS_ALONE(FirmRole.MEMBER, Set.of(Permission.MANAGE_FIRM_SETTINGS), null, "", "", ""),
		/** Built-in Preparers grant View + Edit + Prepare: editing follows Edit clients on visible clients. */
		PREPARERS_TEAM(FirmRole.MEMBER, Set.of(), BuiltInTeam.PREPARERS, "AB", "AB", "AB"),
		/** Built-in Reviewers: no Edit clients, but may reassign clients they are already assigned to. */
		REVIEWERS_TEAM(FirmRole.MEMBER, Set.of(), BuiltInTeam.REVIEWERS, "AB", "", "AB");

		final FirmRole role;
		final Set<Permission> permissions;
		final BuiltInTeam team;
		final String sees;
		final String edits;
		final String assigns;

		Kind(FirmRole role, Set<Permission> permissions, BuiltInTeam team, String sees, String edits, String assigns) {
			this.role = role;
			this.permissions = permissions;
			this.team = team;
			this.sees = sees;
			this.edits = edits;
			this.assigns = assigns;
		}
	}

	StaffPrincipal owner;
	StaffPrincipal otherOwner;
	ClientId foreign;

	@BeforeEach
	void firms() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		otherOwner = StaffFixtures.aFirmWithOwner(staff);
		foreign = clients.create(otherOwner, new NewClient(ClientType.BUSINESS, "Elsewhere Inc", null, null, null)).id();
	}

	private StaffPrincipal make(Kind kind) {
		return switch (kind.role) {
			case OWNER -> owner;
			case ADMIN -> StaffFixtures.aColleague(context, owner, FirmRole.ADMIN);
			case MEMBER -> StaffFixtures.aMember(context, owner,
					kind.permissions.isEmpty() ? Set.of() : EnumSet.copyOf(kind.permissions), kind.team);
		};
	}

	private ClientId client(String name) {
		return clients.create(owner, new NewClient(ClientType.INDIVIDUAL, name, null, null, null)).id();
	}

	private EngagementId engagementOf(ClientId client) {
		var types = engagements.list(owner, io.atrium.engagement.SettingsList.ENGAGEMENT_TYPES);
		return engagements.open(owner, client, new EngagementDraft("2025 1040", types.get(0).id(), "2025", null, null));
	}

	/** Assignments made directly: the subject may not be eligible for any role, and that is beside the point here. */
	private void assignClient(ClientId client, StaffPrincipal who) {
		jdbc.sql("insert into client_assignment (firm_id, client_id, role, staff_id, assigned_at) values (?, ?, ?, ?, ?)")
			.params(owner.firm().value(), client.value(), AssignmentRole.ASSIGNED_TO.name(), who.id().value(),
					Timestamp.from(Instant.now()))
			.update();
	}

	private void assignEngagement(EngagementId engagement, ClientId client, StaffPrincipal who) {
		jdbc.sql("insert into engagement_assignment (firm_id, engagement_id, client_id, role, staff_id, assigned_at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(owner.firm().value(), engagement.value(), client.value(), AssignmentRole.ASSIGNED_TO.name(),
					who.id().value(), Timestamp.from(Instant.now()))
			.update();
	}

	private static void expect(boolean allowed, boolean visible, ThrowingCallable action) {
		if (allowed) {
			assertThatCode(action).doesNotThrowAnyException();
		}
		else if (visible) {
			assertThatThrownBy(action).isInstanceOf(AccessDeniedException.class);
		}
		else {
			assertThatThrownBy(action).isInstanceOf(NotFoundException.class);
		}
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everyActionOnEveryClientAnswersAsTheRulesSay(Kind kind) {
		var me = make(kind);
		var a = client("Alpha " + kind);
		var b = client("Bravo " + kind);
		var c = client("Charlie " + kind);
		var bEngagement = engagementOf(b);
		var cEngagement = engagementOf(c);
		if (kind.role == FirmRole.MEMBER) {
			assignClient(a, me);
			assignEngagement(bEngagement, b, me);
		}
		var named = List.of(a, b, c);
		var letters = "ABC";
		var typeId = engagements.list(owner, io.atrium.engagement.SettingsList.ENGAGEMENT_TYPES).get(0).id();

		// lists, counts, search and export show exactly the visible clients, never another firm's
		var query = new ClientQuery(kind.name(), null, null, null, null, false, 0, 100);
		var listed = clients.search(me, query).clients().stream().map(v -> v.id()).toList();
		var expected = new ArrayList<ClientId>();
		for (int i = 0; i < 3; i++) {
			if (kind.sees.indexOf(letters.charAt(i)) >= 0) {
				expected.add(named.get(i));
			}
		}
		assertThat(listed).as("list of " + kind).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(clients.count(me, query)).as("count of " + kind).isEqualTo(expected.size());
		assertThat(clients.matchingIds(me, ClientQuery.everything())).doesNotContain(foreign);
		var exported = new ArrayList<ClientId>();
		clients.export(me, query, row -> exported.add(row.client().id()));
		assertThat(exported).as("export of " + kind).containsExactlyInAnyOrderElementsOf(expected);
		var cards = engagements.pipeline(me, new PipelineFilter(null, null, null)).columns().stream()
			.flatMap(col -> col.cards().stream())
			.map(card -> card.client())
			.filter(named::contains)
			.distinct()
			.toList();
		var withEngagements = expected.stream().filter(id -> !id.equals(a)).toList();
		assertThat(cards).as("pipeline of " + kind).containsExactlyInAnyOrderElementsOf(withEngagements);

		for (int i = 0; i < 3; i++) {
			var id = named.get(i);
			var letter = letters.charAt(i);
			var visible = kind.sees.indexOf(letter) >= 0;
			var edits = kind.edits.indexOf(letter) >= 0;
			var assigns = kind.assigns.indexOf(letter) >= 0;
			var cell = kind + " on " + letter;

			expect(visible, false, () -> clients.get(me, id));
			expect(visible, false, () -> clients.contacts(me, id));
			expect(visible, false, () -> engagements.engagements(me, id));
			expect(visible, false, () -> engagements.clientAssignments(me, id));
			expect(edits, visible, () -> clients.update(me, id, new NewClient(ClientType.INDIVIDUAL, "Renamed " + cell, null, null, null)));
			expect(edits, visible, () -> clients.addContact(me, id, new NewContact("Pat " + cell, null, null, null)));
			expect(edits, visible, () -> engagements.open(me, id, new EngagementDraft("2026 1040", typeId, null, null, null)));
			expect(assigns, visible, () -> engagements.assignClient(me, id, AssignmentRole.SIGNER, owner.id()));
		}
		expect(kind.assigns.contains("C") && kind.sees.contains("C"), kind.sees.contains("C"),
				() -> engagements.assignEngagement(me, cEngagement, AssignmentRole.SIGNER, owner.id()));

		// bulk assign changes only the clients this user may reassign (and is refused to who may reassign none)
		var toPreparer = new BulkAssignment(AssignmentRole.PREPARER, owner.id(), false);
		if (kind.assigns.isEmpty()) {
			try {
				assertThat(engagements.bulkAssign(me, toPreparer, named).changed()).as("bulk by " + kind).isZero();
			}
			catch (AccessDeniedException refused) {
				// refused outright: this user may reassign no client at all
			}
		}
		else {
			var bulk = engagements.bulkAssign(me, toPreparer, named);
			assertThat(bulk.changed()).as("bulk changed by " + kind).isEqualTo(kind.assigns.length());
			assertThat(engagements.bulkAssign(me, toPreparer, List.of(foreign)).changed()).isZero();
		}

		// another firm's client: 404 for everyone, for every action
		expect(false, false, () -> clients.get(me, foreign));
		expect(false, false, () -> clients.update(me, foreign, new NewClient(ClientType.BUSINESS, "Mine now", null, null, null)));
		expect(false, false, () -> engagements.engagements(me, foreign));
		expect(false, false, () -> engagements.assignClient(me, foreign, AssignmentRole.SIGNER, owner.id()));
		assertThat(jdbc.sql("select count(*) from client_assignment where client_id = ?").param(foreign.value())
			.query(Long.class).single()).isZero();
	}
}

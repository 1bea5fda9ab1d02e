package io.atrium.engagement;

import static io.atrium.engagement.EngagementFixtures.aBusiness;
import static io.atrium.engagement.EngagementFixtures.aMemberIn;
import static io.atrium.engagement.EngagementFixtures.anIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestDatabase;
import io.atrium.TestHttp;
import io.atrium.client.AssignmentFilter;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientQuery;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** Bulk assign (overwrite) and smart assign (only empty), through the facade and the client list's form. */
@RecordApplicationEvents
class BulkAssignTest extends AtriumIntegrationTest {

	final EngagementManagement engagements;
	final ClientManagement clients;
	final StaffManagement staff;
	final JdbcTemplate jdbc;
	final JdbcClient sql;

	@Autowired
	BulkAssignTest(EngagementManagement engagements, ClientManagement clients, StaffManagement staff, JdbcTemplate jdbc,
			JdbcClient sql) {
		this.engagements = engagements;
		this.clients = clients;
		this.staff = staff;
		this.jdbc = jdbc;
		this.sql = sql;
	}

	/** Not a module's bean: recorded per test, injected as the test framework prescribes. */
	@Autowired
	ApplicationEvents events;

	StaffPrincipal owner;
	StaffPrincipal jane;
	StaffPrincipal riley;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		jane = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Jane Preparer");
		riley = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Riley Preparer");
	}

	private StaffId preparerOf(ClientId client) {
		var assignee = engagements.clientAssignments(owner, client).roles().get(0).assignee();
		return assignee == null ? null : assignee.id();
	}

	@Test
	void bulkAssignOverwritesTheRoleOnEveryPickedClient() {
		var a = anIndividual(clients, owner, "A");
		var b = anIndividual(clients, owner, "B");
		var c = anIndividual(clients, owner, "C");
		engagements.assignClient(owner, a, AssignmentRole.PREPARER, jane.id());
		engagements.assignClient(owner, b, AssignmentRole.PREPARER, riley.id());

		var result = engagements.bulkAssign(owner, new BulkAssignment(AssignmentRole.PREPARER, riley.id(), false),
				List.of(a, b, c, a));

		assertThat(result).isEqualTo(new BulkAssignResult(3, 2, 1, 0, 0));
		assertThat(result.skipped()).isEqualTo(1);
		assertThat(List.of(a, b, c)).allSatisfy(client -> assertThat(preparerOf(client)).isEqualTo(riley.id()));
		assertThat(events.stream(AssignmentsBulkChanged.class)).containsExactly(new AssignmentsBulkChanged(owner.firm(),
				AssignmentRole.PREPARER, riley.id(), false, 2, 1, owner.id()));
	}

	@Test
	void smartAssignFillsOnlyClientsWithNobodyInTheRole() {
		var a = anIndividual(clients, owner, "A");
		var b = anIndividual(clients, owner, "B");
		var c = anIndividual(clients, owner, "C");
		var d = anIndividual(clients, owner, "D");
		engagements.assignClient(owner, a, AssignmentRole.PREPARER, jane.id());
		engagements.assignClient(owner, b, AssignmentRole.PREPARER, riley.id());
		engagements.assignClient(owner, c, AssignmentRole.REVIEWER, owner.id());

		var result = engagements.bulkAssign(owner, new BulkAssignment(AssignmentRole.PREPARER, riley.id(), true),
				List.of(a, b, c, d));

		assertThat(result).isEqualTo(new BulkAssignResult(4, 2, 1, 1, 0));
		assertThat(preparerOf(a)).isEqualTo(jane.id());
		assertThat(preparerOf(b)).isEqualTo(riley.id());
		assertThat(preparerOf(c)).isEqualTo(riley.id());
		assertThat(preparerOf(d)).isEqualTo(riley.id());
		assertThat(events.stream(AssignmentsBulkChanged.class)).singleElement()
			.satisfies(e -> assertThat(e.onlyEmpty()).isTrue());
		assertThat(bulkEntries()).singleElement()
			.satisfies(summary -> assertThat(summary).contains("Smart assign", "Preparer", "Riley Preparer",
					"2 client(s) changed, 2 skipped"));
	}

	@Test
	void clientsTheActorMayNotChangeAreSkipped() {
		var morgan = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner, "Morgan Reviewer");
		var theirs = aBusiness(clients, owner, "Theirs");
		var notTheirs = aBusiness(clients, owner, "Not theirs");
		engagements.assignClient(owner, theirs, AssignmentRole.ASSIGNED_TO, morgan.id());
		var otherFirm = StaffFixtures.aFirmWithOwner(staff);
		var elsewhere = anIndividual(clients, otherFirm, "Another firm's client");

		var result = engagements.bulkAssign(morgan, new BulkAssignment(AssignmentRole.REVIEWER, morgan.id(), false),
				List.of(theirs, notTheirs, elsewhere, new ClientId(UUID.randomUUID())));

		assertThat(result).isEqualTo(new BulkAssignResult(4, 1, 0, 0, 3));
		assertThat(engagements.clientAssignments(otherFirm, elsewhere).roles().get(1).assignee()).isNull();
		assertThat(engagements.clientAssignments(owner, notTheirs).roles().get(1).assignee()).isNull();
	}

	@Test
	void refusesIneligiblePeopleMissingRolesAndEmptySelections() {
		var a = anIndividual(clients, owner, "A");
		var morgan = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner, "Morgan Reviewer");
		assertThatThrownBy(() -> engagements.bulkAssign(owner,
				new BulkAssignment(AssignmentRole.PREPARER, morgan.id(), false), List.of(a)))
			.hasMessage("assignment.ineligible.PREPARER");
		assertThatThrownBy(() -> engagements.bulkAssign(owner, new BulkAssignment(null, jane.id(), false), List.of(a)))
			.hasMessage("assignment.role.required");
		assertThatThrownBy(() -> engagements.bulkAssign(owner,
				new BulkAssignment(AssignmentRole.PREPARER, null, false), List.of(a)))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> engagements.bulkAssign(owner,
				new BulkAssignment(AssignmentRole.PREPARER, jane.id(), false), List.of()))
			.hasMessage("assignment.bulk.none");
		assertThat(events.stream(AssignmentsBulkChanged.class)).isEmpty();
	}

	@Test
	void theClientListsFormAssignsTickedClientsAndComesBackWithTheCounts() {
		var a = anIndividual(clients, owner, "Alpha");
		var b = anIndividual(clients, owner, "Bravo");
		var c = anIndividual(clients, owner, "Charlie");
		engagements.assignClient(owner, b, AssignmentRole.PREPARER, jane.id());
		var http = signedIn(owner);

		var response = RawHttp.post(http, "/app/clients/bulk-assign", RawHttp.form("role", "PREPARER", "staffId",
				riley.id().toString(), "onlyEmpty", "true", "clientIds", a.toString(), "clientIds", b.toString(),
				"q", "a", "type", "individual", "sort", "created", "dir", "desc", "page", "2"));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.endsWith("/app/clients?q=a&type=individual&sort=created&dir=desc&page=2");
		assertThat(preparerOf(a)).isEqualTo(riley.id());
		assertThat(preparerOf(b)).isEqualTo(jane.id());
		assertThat(preparerOf(c)).isNull();
		assertThat(bulkEntries()).singleElement()
			.satisfies(summary -> assertThat(summary).contains("1 client(s) changed, 1 skipped"));
	}

	/** Requests are served on other threads than the test's, so their events show in the audit log. */
	private List<String> bulkEntries() {
		return EngagementFixtures.audited(sql, owner.firm(), "engagement.assignments-bulk-changed");
	}

	@Test
	void allMatchingAssignsEveryClientOfTheListsFilters() {
		var a = anIndividual(clients, owner, "Garcia household");
		var b = anIndividual(clients, owner, "Garcia junior");
		var c = anIndividual(clients, owner, "Chen");
		var d = aBusiness(clients, owner, "Garcia Tacos LLC");
		engagements.assignClient(owner, a, AssignmentRole.REVIEWER, owner.id());
		var http = signedIn(owner);

		// "Garcia individuals with no reviewer", as the list's filters name it
		var response = RawHttp.post(http, "/app/clients/bulk-assign", RawHttp.form("role", "REVIEWER", "staffId",
				jane.id().toString(), "allMatching", "true", "q", "garcia", "type", "individual",
				"unassigned", "REVIEWER"));
		assertThat(response.statusCode()).isEqualTo(302);
		// Jane is a Preparer: Preparers cannot review, so nothing happens and the list says why
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.endsWith("/app/clients?q=garcia&type=individual&unassigned=REVIEWER");
		assertThat(bulkEntries()).isEmpty();

		response = RawHttp.post(http, "/app/clients/bulk-assign", RawHttp.form("role", "REVIEWER", "staffId",
				owner.id().toString(), "allMatching", "true", "q", "garcia", "type", "individual", "assigneeRole",
				"", "unassigned", "REVIEWER"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(bulkEntries()).singleElement()
			.satisfies(summary -> assertThat(summary).contains("1 client(s) changed, 0 skipped"));
		assertThat(engagements.clientAssignments(owner, b).roles().get(1).assignee().id()).isEqualTo(owner.id());
		assertThat(engagements.clientAssignments(owner, c).roles().get(1).assignee()).isNull();
		assertThat(engagements.clientAssignments(owner, d).roles().get(1).assignee()).isNull();
	}

	@Test
	void assignsTenThousandClientsInWellUnderTwoSeconds() {
		var many = EngagementFixtures.manyClients(jdbc, owner, 10_000);
		engagements.assignClient(owner, many.get(0), AssignmentRole.PREPARER, jane.id());

		var start = System.nanoTime();
		var overwrite = engagements.bulkAssign(owner, new BulkAssignment(AssignmentRole.PREPARER, riley.id(), false),
				many);
		var overwriteMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(overwrite).isEqualTo(new BulkAssignResult(10_000, 10_000, 0, 0, 0));

		start = System.nanoTime();
		var smart = engagements.bulkAssignMatching(owner, new BulkAssignment(AssignmentRole.REVIEWER, owner.id(), true),
				new ClientQuery(null, null, null, AssignmentFilter.NONE, null, false, 0, 25));
		var smartMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(smart.changed()).isEqualTo(10_000);

		var morgan = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner, "Morgan Reviewer");
		start = System.nanoTime();
		var again = engagements.bulkAssign(owner, new BulkAssignment(AssignmentRole.REVIEWER, morgan.id(), true), many);
		var againMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(again).isEqualTo(new BulkAssignResult(10_000, 0, 0, 10_000, 0));

		System.out.printf("bulk assign of 10,000 clients on %s: overwrite %d ms, smart (all matching) %d ms, "
				+ "smart with nothing to do %d ms%n", TestDatabase.onPostgres() ? "PostgreSQL" : "H2", overwriteMillis,
				smartMillis, againMillis);
		// the promise is for PostgreSQL, production's database; in-memory H2 only has to stay in the same league
		var limit = TestDatabase.onPostgres() ? 2_000 : 6_000;
		assertThat(overwriteMillis).isLessThan(limit);
		assertThat(smartMillis).isLessThan(limit);
		assertThat(againMillis).isLessThan(limit);
		assertThat(preparerOf(many.get(9_999))).isEqualTo(riley.id());
	}

	private TestHttp signedIn(StaffPrincipal who) {
		var http = visitor();
		http.signIn(who.email(), StaffFixtures.PASSWORD);
		return http;
	}
}

package io.atrium.engagement;

import static io.atrium.engagement.EngagementFixtures.aBusiness;
import static io.atrium.engagement.EngagementFixtures.aMemberIn;
import static io.atrium.engagement.EngagementFixtures.aMemberWith;
import static io.atrium.engagement.EngagementFixtures.anIndividual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * The pages a person uses: the client page's Assignments section and Engagements tab (htmx fragments, or whole
 * pages without JavaScript), an engagement's page, the pipeline, and the JSON API.
 */
@RecordApplicationEvents
class EngagementPagesTest extends AtriumIntegrationTest {

	final EngagementManagement engagements;
	final ClientManagement clients;
	final StaffManagement staff;
	final JdbcClient sql;

	@Autowired
	EngagementPagesTest(EngagementManagement engagements, ClientManagement clients, StaffManagement staff,
			JdbcClient sql) {
		this.engagements = engagements;
		this.clients = clients;
		this.staff = staff;
		this.sql = sql;
	}

	/** Not a module's bean: recorded per test, injected as the test framework prescribes. */
	@Autowired
	ApplicationEvents events;

	StaffPrincipal owner;
	StaffPrincipal jane;
	StaffPrincipal morgan;
	StaffPrincipal sam;
	ClientId garcia;
	TestHttp http;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		jane = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Jane Preparer");
		morgan = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner, "Morgan Reviewer");
		sam = aMemberIn(BuiltInTeam.SIGNERS, staff, events, owner, "Sam Signer");
		garcia = anIndividual(clients, owner, "Maria & Luis Garcia");
		http = signedIn(owner);
	}

	private TestHttp signedIn(StaffPrincipal who) {
		var visitor = visitor();
		visitor.signIn(who.email(), StaffFixtures.PASSWORD);
		return visitor;
	}

	private UUID entry(SettingsList list, String name) {
		return engagements.list(owner, list).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().id();
	}

	private EngagementId open(ClientId client, String name, String type, String stage) {
		return engagements.open(owner, client, new EngagementDraft(name, entry(SettingsList.ENGAGEMENT_TYPES, type),
				"2025", java.time.LocalDate.of(2026, 4, 15), entry(SettingsList.PIPELINE_STAGES, stage)));
	}

	/** The options of one select, by the select's id. */
	private static String select(String page, String id) {
		var start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("select %s on the page", id).isPositive();
		return page.substring(start, page.indexOf("</select>", start));
	}

	@Test
	void theAssignmentsSectionIsAFragmentForHtmxAndAPageWithout() {
		var fragment = RawHttp.htmxGet(http, "/app/clients/" + garcia + "/assignments");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html").contains("id=\"client-assignments\"");
		assertThat(fragment.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));
		var page = http.get("/app/clients/" + garcia + "/assignments");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html", "Maria &amp; Luis Garcia", "id=\"client-assignments\"");

		var signers = select(fragment.body(), "assign-SIGNER");
		assertThat(signers).contains("Sam Signer", "Olive Owner").doesNotContain("Jane Preparer", "Morgan Reviewer");
		var preparers = select(fragment.body(), "assign-PREPARER");
		assertThat(preparers).contains("Jane Preparer").doesNotContain("Sam Signer", "Morgan Reviewer");
		assertThat(fragment.body()).contains("hx-post=\"/app/clients/" + garcia + "/assignments/PREPARER\"");
	}

	@Test
	void aPickerSavesAtOnceAndTheCrossUnassigns() {
		var saved = RawHttp.htmxPost(http, "/app/clients/" + garcia + "/assignments/PREPARER",
				RawHttp.form("staffId", jane.id().toString()));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).doesNotContain("<html").contains("Preparer saved.");
		assertThat(select(saved.body(), "assign-PREPARER")).containsPattern("selected[^>]*>Jane Preparer|value=\""
				+ jane.id() + "\" selected");
		assertThat(saved.body()).contains("aria-label=\"Unassign the Preparer\"");

		var unassigned = RawHttp.htmxPost(http, "/app/clients/" + garcia + "/assignments/preparer",
				RawHttp.form("staffId", ""));
		assertThat(unassigned.statusCode()).isEqualTo(200);
		assertThat(unassigned.body()).doesNotContain("Unassign the Preparer");

		// without JavaScript: a form post and a redirect back
		var plain = http.submit("/app/clients/" + garcia + "/assignments",
				"/app/clients/" + garcia + "/assignments/SIGNER", Map.of("staffId", sam.id().toString()));
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith("/app/clients/" + garcia + "/assignments");
		assertThat(http.get("/app/clients/" + garcia + "/assignments").body()).contains("Signer saved.");
		assertThat(EngagementFixtures.audited(sql, owner.firm(), "engagement.client-assignment-changed")).first()
			.asString()
			.startsWith("Signer: nobody → Sam Signer <");
	}

	@Test
	void anIneligiblePickIsRefusedWithAMessage() {
		var refused = RawHttp.htmxPost(http, "/app/clients/" + garcia + "/assignments/SIGNER",
				RawHttp.form("staffId", jane.id().toString()));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Only active colleagues with the Sign returns permission can be the signer.");

		var otherFirm = StaffFixtures.aFirmWithOwner(staff);
		var plain = http.submit("/app/clients/" + garcia + "/assignments",
				"/app/clients/" + garcia + "/assignments/PREPARER", Map.of("staffId", otherFirm.id().toString()));
		assertThat(plain.statusCode()).isEqualTo(422);
		assertThat(plain.body()).contains("<html", "Only active colleagues with the Prepare permission");

		var garbage = http.submit("/app/clients/" + garcia + "/assignments",
				"/app/clients/" + garcia + "/assignments/PREPARER", Map.of("staffId", "jane"));
		assertThat(garbage.statusCode()).isEqualTo(422);

		var role = http.submit("/app/clients/" + garcia + "/assignments", "/app/clients/" + garcia + "/assignments/BOSS",
				Map.of("staffId", jane.id().toString()));
		assertThat(role.statusCode()).isEqualTo(400);
		assertThat(role.body()).contains("There is no such role. Choose Preparer, Reviewer, Signer or Assigned to.");
	}

	@Test
	void thoseWhoMayNotChangeAssignmentsSeeThemReadOnly() {
		var viewer = aMemberWith(Set.of(Permission.VIEW_CLIENTS), staff, events, owner, "Vic Viewer");
		engagements.assignClient(owner, garcia, AssignmentRole.ASSIGNED_TO, viewer.id());
		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, jane.id());
		var vic = signedIn(viewer);

		var section = RawHttp.htmxGet(vic, "/app/clients/" + garcia + "/assignments");
		assertThat(section.statusCode()).isEqualTo(200);
		assertThat(section.body()).contains("Jane Preparer", "but not change it").doesNotContain("<select");
		var post = RawHttp.htmxPost(vic, "/app/clients/" + garcia + "/assignments/PREPARER",
				RawHttp.form("staffId", ""));
		assertThat(post.statusCode()).isEqualTo(403);

		// a Reviewer assigned to the client may change its assignments
		engagements.assignClient(owner, garcia, AssignmentRole.REVIEWER, morgan.id());
		var morganHttp = signedIn(morgan);
		assertThat(RawHttp.htmxGet(morganHttp, "/app/clients/" + garcia + "/assignments").body()).contains("<select");
		assertThat(RawHttp.htmxPost(morganHttp, "/app/clients/" + garcia + "/assignments/SIGNER",
				RawHttp.form("staffId", sam.id().toString())).statusCode()).isEqualTo(200);
	}

	@Test
	void anotherFirmsOrAnInvisibleClientIsNotFound() {
		var ret = open(garcia, "2025 1040", "1040", "Not started");
		var stranger = signedIn(StaffFixtures.aFirmWithOwner(staff));
		assertThat(stranger.get("/app/clients/" + garcia + "/assignments").statusCode()).isEqualTo(404);
		assertThat(RawHttp.htmxGet(stranger, "/app/clients/" + garcia + "/engagements").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/app/engagements/" + ret).statusCode()).isEqualTo(404);
		assertThat(RawHttp.htmxPost(stranger, "/app/clients/" + garcia + "/assignments/PREPARER",
				RawHttp.form("staffId", "")).statusCode()).isEqualTo(404);
		assertThat(RawHttp.post(stranger, "/app/engagements/" + ret + "/stage",
				RawHttp.form("stageId", entry(SettingsList.PIPELINE_STAGES, "Filed").toString())).statusCode())
			.isEqualTo(404);
		assertThat(RawHttp.getJson(stranger, "/api/v1/clients/" + garcia + "/assignments").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/app/clients/not-a-client/assignments").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/app/engagements/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

		// a colleague not assigned to the client does not see it either
		var morganHttp = signedIn(morgan);
		assertThat(morganHttp.get("/app/clients/" + garcia + "/engagements").statusCode()).isEqualTo(404);
		assertThat(morganHttp.get("/app/engagements/" + ret).statusCode()).isEqualTo(404);
	}

	@Test
	void theEngagementsTabListsAndOpensEngagements() {
		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, jane.id());
		open(garcia, "2024 1040", "1040", "Complete");

		var tab = RawHttp.htmxGet(http, "/app/clients/" + garcia + "/engagements");
		assertThat(tab.statusCode()).isEqualTo(200);
		assertThat(tab.body()).doesNotContain("<html").contains("2024 1040", "Complete", "Jane Preparer",
				"id=\"new-engagement\"");
		assertThat(http.get("/app/clients/" + garcia + "/engagements").body()).contains("<html", "2024 1040");

		var type = entry(SettingsList.ENGAGEMENT_TYPES, "1040").toString();
		var opened = RawHttp.htmxPost(http, "/app/clients/" + garcia + "/engagements",
				RawHttp.form("name", "2025 1040", "typeId", type, "period", "2025", "dueDate", "2026-04-15", "stageId", ""));
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).doesNotContain("<html").contains("Engagement “2025 1040” opened.", "2026-04-15");

		var invalid = RawHttp.htmxPost(http, "/app/clients/" + garcia + "/engagements",
				RawHttp.form("name", " ", "typeId", "", "period", "p".repeat(41), "dueDate", ""));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("Enter a name, for example “2025 1120S”.", "Choose a type from the list.",
				"Use at most 40 characters for the period.", "value=\"" + "p".repeat(41) + "\"");
		var badDate = RawHttp.htmxPost(http, "/app/clients/" + garcia + "/engagements",
				RawHttp.form("name", "2025 1040", "typeId", type, "dueDate", "15/04/2026"));
		assertThat(badDate.statusCode()).isEqualTo(422);
		assertThat(badDate.body()).contains("This value is not valid.");

		var plain = http.submit("/app/clients/" + garcia + "/engagements", "/app/clients/" + garcia + "/engagements",
				Map.of("name", "Advisory 2026", "typeId", entry(SettingsList.ENGAGEMENT_TYPES, "Advisory").toString()));
		assertThat(plain.statusCode()).isEqualTo(302);
		var location = plain.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/app/engagements/");
		var page = http.get(location.substring(location.indexOf("/app/")));
		assertThat(page.body()).contains("Engagement “Advisory 2026” opened.", "Not started");

		var otherFirmsType = engagements.list(StaffFixtures.aFirmWithOwner(staff), SettingsList.ENGAGEMENT_TYPES).get(0);
		var wrongType = http.submit("/app/clients/" + garcia + "/engagements", "/app/clients/" + garcia + "/engagements",
				Map.of("name", "Sneaky", "typeId", otherFirmsType.id().toString()));
		assertThat(wrongType.statusCode()).isEqualTo(422);
		assertThat(wrongType.body()).contains("Choose a type from the list.");
	}

	@Test
	void onlyEditorsOpenAndEditEngagements() {
		engagements.assignClient(owner, garcia, AssignmentRole.REVIEWER, morgan.id());
		var ret = open(garcia, "2025 1040", "1040", "In review");
		var morganHttp = signedIn(morgan);

		var tab = RawHttp.htmxGet(morganHttp, "/app/clients/" + garcia + "/engagements");
		assertThat(tab.body()).contains("2025 1040").doesNotContain("id=\"new-engagement\"");
		var type = entry(SettingsList.ENGAGEMENT_TYPES, "1040").toString();
		assertThat(RawHttp.htmxPost(morganHttp, "/app/clients/" + garcia + "/engagements",
				RawHttp.form("name", "2026 1040", "typeId", type)).statusCode()).isEqualTo(403);
		assertThat(RawHttp.htmxPost(morganHttp, "/app/clients/" + garcia + "/engagements",
				RawHttp.form("name", "", "typeId", type)).statusCode()).isEqualTo(403);
		assertThat(RawHttp.post(morganHttp, "/app/engagements/" + ret,
				RawHttp.form("name", "Renamed", "typeId", type)).statusCode()).isEqualTo(403);

		// but, assigned to the client, Morgan may move it on
		var page = morganHttp.get("/app/engagements/" + ret).body();
		assertThat(page).contains("id=\"stage-form\"").doesNotContain("id=\"edit-engagement\"");
		var moved = RawHttp.post(morganHttp, "/app/engagements/" + ret + "/stage",
				RawHttp.form("stageId", entry(SettingsList.PIPELINE_STAGES, "Ready for signature").toString()));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(engagements.engagement(owner, ret).stage()).isEqualTo("Ready for signature");

		// someone who only sees the client through another engagement may not
		var other = open(garcia, "Bookkeeping 2026", "Bookkeeping", "Not started");
		var viewer = aMemberWith(Set.of(Permission.VIEW_CLIENTS, Permission.REVIEW), staff, events, owner, "Vic Viewer");
		engagements.assignEngagement(owner, other, AssignmentRole.REVIEWER, viewer.id());
		var vic = signedIn(viewer);
		assertThat(vic.get("/app/engagements/" + ret).body()).doesNotContain("id=\"stage-form\"");
		assertThat(RawHttp.post(vic, "/app/engagements/" + ret + "/stage",
				RawHttp.form("stageId", entry(SettingsList.PIPELINE_STAGES, "Filed").toString())).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theEngagementPageShowsInheritedAndOverriddenAssignments() {
		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, jane.id());
		var ret = open(garcia, "2025 1040", "1040", "In preparation");

		var page = http.get("/app/engagements/" + ret);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("2025 1040", "In preparation", "inherited from the client",
				"The client&#39;s: Jane Preparer");

		var override = RawHttp.htmxPost(http, "/app/engagements/" + ret + "/assignments/PREPARER",
				RawHttp.form("staffId", owner.id().toString()));
		assertThat(override.statusCode()).isEqualTo(200);
		assertThat(override.body()).doesNotContain("<html").contains("id=\"engagement-assignments\"", "overridden here",
				"Use client&#39;s");

		var reset = http.submit("/app/engagements/" + ret, "/app/engagements/" + ret + "/assignments/PREPARER",
				Map.of("staffId", ""));
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(http.get("/app/engagements/" + ret).body()).doesNotContain("overridden here");

		var refused = RawHttp.htmxPost(http, "/app/engagements/" + ret + "/assignments/SIGNER",
				RawHttp.form("staffId", jane.id().toString()));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Only active colleagues with the Sign returns permission");

		var edited = http.submit("/app/engagements/" + ret, "/app/engagements/" + ret,
				Map.of("name", "2025 1040-X", "typeId", entry(SettingsList.ENGAGEMENT_TYPES, "1040").toString(),
						"period", "2025", "dueDate", "2026-10-15"));
		assertThat(edited.statusCode()).isEqualTo(302);
		assertThat(http.get("/app/engagements/" + ret).body()).contains("2025 1040-X", "2026-10-15", "Engagement saved.");
		var invalid = http.submit("/app/engagements/" + ret, "/app/engagements/" + ret,
				Map.of("name", "", "typeId", entry(SettingsList.ENGAGEMENT_TYPES, "1040").toString()));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("Enter a name, for example");
	}

	@Test
	void thePipelineGroupsByStageFiltersAndMovesCards() {
		var bakery = aBusiness(clients, owner, "Blue Heron Bakery LLC");
		engagements.assignClient(owner, garcia, AssignmentRole.REVIEWER, morgan.id());
		engagements.assignClient(owner, bakery, AssignmentRole.REVIEWER, sam.id());
		var garcia1040 = open(garcia, "2025 1040", "1040", "In review");
		var bakery1065 = open(bakery, "2025 1065", "1065", "In review");
		var books = open(bakery, "Bookkeeping 2026", "Bookkeeping", "Not started");
		// Morgan reviews the bakery's return too, overriding the client's reviewer on that engagement
		engagements.assignEngagement(owner, bakery1065, AssignmentRole.REVIEWER, morgan.id());

		var board = http.get("/app/pipeline");
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains("data-stage=\"In review\"", "2025 1040", "2025 1065", "Bookkeeping 2026");

		var morganHttp = signedIn(morgan);
		var reviews = morganHttp.get("/app/pipeline?assignee=me&role=REVIEWER");
		assertThat(reviews.statusCode()).isEqualTo(200);
		assertThat(reviews.body()).contains("id=\"my-reviews\"", "2025 1040", "2025 1065", "Reviewer: Morgan Reviewer")
			.doesNotContain("Bookkeeping 2026");

		var samsReviews = engagements.pipeline(owner, new PipelineFilter(sam.id(), AssignmentRole.REVIEWER, null));
		assertThat(samsReviews.columns()).flatExtracting(PipelineColumn::cards).extracting(PipelineCard::name)
			.containsExactly("Bookkeeping 2026");
		var anyRole = engagements.pipeline(owner, new PipelineFilter(morgan.id(), null, null));
		assertThat(anyRole.columns()).flatExtracting(PipelineColumn::cards).extracting(PipelineCard::name)
			.containsExactlyInAnyOrder("2025 1040", "2025 1065");
		var byType = engagements.pipeline(owner,
				new PipelineFilter(null, null, entry(SettingsList.ENGAGEMENT_TYPES, "Bookkeeping")));
		assertThat(byType.columns()).flatExtracting(PipelineColumn::cards).extracting(PipelineCard::id)
			.containsExactly(books);

		var here = "/app/pipeline?assignee=me&role=REVIEWER";
		var moved = RawHttp.post(morganHttp, "/app/engagements/" + garcia1040 + "/stage",
				RawHttp.form("stageId", entry(SettingsList.PIPELINE_STAGES, "Ready for signature").toString(),
						"returnTo", here));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(here);
		var column = engagements.pipeline(owner, PipelineFilter.NONE).columns().stream()
			.filter(c -> c.stage().name().equals("Ready for signature")).findFirst().orElseThrow();
		assertThat(column.cards()).extracting(PipelineCard::id).containsExactly(garcia1040);
		assertThat(EngagementFixtures.audited(sql, owner.firm(), "engagement.stage-changed"))
			.containsExactly("2025 1040: In review → Ready for signature");

		var fragment = RawHttp.htmxGet(morganHttp, here);
		assertThat(fragment.body()).doesNotContain("<html").contains("id=\"pipeline-board\"");

		var offsite = RawHttp.post(morganHttp, "/app/engagements/" + garcia1040 + "/stage",
				RawHttp.form("stageId", entry(SettingsList.PIPELINE_STAGES, "Filed").toString(), "returnTo",
						"https://evil.example/"));
		assertThat(offsite.headers().firstValue("Location").orElseThrow()).endsWith("/app/engagements/" + garcia1040);
	}

	@Test
	void unknownStagesRolesAndFiltersAreRefusedWithAMessage() {
		var ret = open(garcia, "2025 1040", "1040", "Not started");
		var stage = RawHttp.post(http, "/app/engagements/" + ret + "/stage", RawHttp.form("stageId", UUID.randomUUID().toString()));
		assertThat(stage.statusCode()).isEqualTo(400);
		assertThat(stage.body()).contains("Choose a stage from the list.");
		assertThat(RawHttp.post(http, "/app/engagements/" + ret + "/stage", RawHttp.form("stageId", "review"))
			.statusCode()).isEqualTo(400);

		var role = http.get("/app/pipeline?role=boss");
		assertThat(role.statusCode()).isEqualTo(400);
		assertThat(role.body()).contains("There is no such role.");
		var type = http.get("/app/pipeline?type=" + UUID.randomUUID());
		assertThat(type.statusCode()).isEqualTo(400);
		assertThat(type.body()).contains("Choose a type from the list.");
		var assignee = http.get("/app/pipeline?assignee=" + StaffFixtures.aFirmWithOwner(staff).id());
		assertThat(assignee.statusCode()).isEqualTo(400);
		assertThat(assignee.body()).contains("Choose an assignee from the list.");
	}

	@Test
	void theJsonApiReadsAndChangesAssignmentsAndReadsThePipeline() {
		engagements.assignClient(owner, garcia, AssignmentRole.PREPARER, jane.id());
		open(garcia, "2025 1040", "1040", "In review");

		var read = RawHttp.getJson(http, "/api/v1/clients/" + garcia + "/assignments");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"role\":\"PREPARER\"", "\"name\":\"Jane Preparer\"", "\"changeable\":true");

		var put = RawHttp.putJson(http, "/api/v1/clients/" + garcia + "/assignments/signer",
				"{\"staffId\":\"" + sam.id() + "\"}");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(put.body()).contains("\"name\":\"Sam Signer\"");
		var cleared = RawHttp.putJson(http, "/api/v1/clients/" + garcia + "/assignments/PREPARER", "{\"staffId\":null}");
		assertThat(cleared.statusCode()).isEqualTo(200);
		assertThat(cleared.body()).contains("{\"role\":\"PREPARER\",\"assignee\":null}");

		var ineligible = RawHttp.putJson(http, "/api/v1/clients/" + garcia + "/assignments/SIGNER",
				"{\"staffId\":\"" + jane.id() + "\"}");
		assertThat(ineligible.statusCode()).isEqualTo(400);
		assertThat(ineligible.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(ineligible.body()).contains("Only active colleagues with the Sign returns permission");
		var role = RawHttp.putJson(http, "/api/v1/clients/" + garcia + "/assignments/boss", "{\"staffId\":null}");
		assertThat(role.statusCode()).isEqualTo(400);
		assertThat(role.body()).contains("There is no such role.");

		var viewer = signedIn(aMemberWith(Set.of(Permission.VIEW_CLIENTS), staff, events, owner, "Vic Viewer"));
		engagements.assignClient(owner, garcia, AssignmentRole.ASSIGNED_TO,
				staff.list(owner).stream().filter(s -> s.name().equals("Vic Viewer")).findFirst().orElseThrow().id());
		assertThat(RawHttp.putJson(viewer, "/api/v1/clients/" + garcia + "/assignments/PREPARER", "{\"staffId\":null}")
			.statusCode()).isEqualTo(403);

		var pipeline = RawHttp.getJson(http, "/api/v1/pipeline?assignee=" + sam.id() + "&role=SIGNER");
		assertThat(pipeline.statusCode()).isEqualTo(200);
		assertThat(pipeline.body()).contains("\"role\":\"SIGNER\"", "\"name\":\"2025 1040\"", "\"stage\":\"In review\"");
		assertThat(RawHttp.getJson(http, "/api/v1/pipeline?role=boss").statusCode()).isEqualTo(400);
	}
}

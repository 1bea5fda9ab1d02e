package io.atrium.engagement;

import static io.atrium.engagement.EngagementFixtures.aMemberIn;
import static io.atrium.engagement.EngagementFixtures.aMemberWith;
import static io.atrium.engagement.EngagementFixtures.anIndividual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** Settings pages: the firm's pipeline stages and engagement types, and onboarding defaults. */
@RecordApplicationEvents
class SettingsPagesTest extends AtriumIntegrationTest {

	final EngagementManagement engagements;
	final ClientManagement clients;
	final StaffManagement staff;
	final JdbcClient sql;

	@Autowired
	SettingsPagesTest(EngagementManagement engagements, ClientManagement clients, StaffManagement staff, JdbcClient sql) {
		this.engagements = engagements;
		this.clients = clients;
		this.staff = staff;
		this.sql = sql;
	}

	/** Not a module's bean: recorded per test, injected as the test framework prescribes. */
	@Autowired
	ApplicationEvents events;

	private static final Pattern ROW = Pattern.compile("<tr data-name=\"([^\"]+)\"");

	StaffPrincipal owner;
	TestHttp http;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		http = signedIn(owner);
	}

	private TestHttp signedIn(StaffPrincipal who) {
		var visitor = visitor();
		visitor.signIn(who.email(), StaffFixtures.PASSWORD);
		return visitor;
	}

	private static List<String> names(String page) {
		return ROW.matcher(page).results().map(m -> m.group(1)).toList();
	}

	private String idOf(SettingsList list, String name) {
		return engagements.list(owner, list).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow()
			.id().toString();
	}

	@Test
	void everyFirmStartsWithTheUsualStagesAndTypes() {
		var stages = http.get("/app/settings/pipeline");
		assertThat(stages.statusCode()).isEqualTo(200);
		assertThat(names(stages.body())).containsExactly("Not started", "Awaiting documents", "In preparation",
				"In review", "Ready for signature", "Filed", "Complete");
		assertThat(names(http.get("/app/settings/engagement-types").body())).containsExactly("1040", "1065", "1120",
				"1120S", "990", "Bookkeeping", "Payroll", "Advisory", "Legal matter", "Other");
		var index = http.get("/app/settings").body();
		assertThat(index).contains("/app/settings/pipeline", "/app/settings/engagement-types",
				"/app/settings/onboarding", "/app/settings/firm");
	}

	@Test
	void addsRenamesReordersAndDeletesStages() {
		var added = http.submit("/app/settings/pipeline", "/app/settings/pipeline", Map.of("name", " Extension filed "));
		assertThat(added.statusCode()).isEqualTo(302);
		var page = http.get("/app/settings/pipeline").body();
		assertThat(page).contains("“Extension filed” added.");
		assertThat(names(page)).endsWith("Complete", "Extension filed");

		var id = idOf(SettingsList.PIPELINE_STAGES, "Extension filed");
		http.submit("/app/settings/pipeline", "/app/settings/pipeline/" + id + "/up", Map.of());
		assertThat(names(http.get("/app/settings/pipeline").body())).endsWith("Filed", "Extension filed", "Complete");
		http.submit("/app/settings/pipeline", "/app/settings/pipeline/" + id + "/rename", Map.of("name", "Extended"));
		http.submit("/app/settings/pipeline", "/app/settings/pipeline/" + id + "/down", Map.of());
		assertThat(names(http.get("/app/settings/pipeline").body())).endsWith("Filed", "Complete", "Extended");

		assertThat(http.submit("/app/settings/pipeline", "/app/settings/pipeline/" + id + "/delete", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(names(http.get("/app/settings/pipeline").body())).doesNotContain("Extended").hasSize(7);
		assertThat(EngagementFixtures.audited(sql, owner.firm(), "engagement.stages-changed")).containsExactly("Stage deleted: Extended", "Stage moved down: Extended",
					"Stage renamed: Extension filed → Extended", "Stage moved up: Extension filed",
					"Stage added: Extension filed");
	}

	@Test
	void refusesEmptyLongAndDuplicateNamesWithTheFormKept() {
		var empty = http.submit("/app/settings/pipeline", "/app/settings/pipeline", Map.of("name", "  "));
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("Enter a name for the stage.");
		var taken = http.submit("/app/settings/engagement-types", "/app/settings/engagement-types",
				Map.of("name", "bookkeeping"));
		assertThat(taken.statusCode()).isEqualTo(422);
		assertThat(taken.body()).contains("There already is a type with this name.").contains("value=\"bookkeeping\"");
		var tooLong = http.submit("/app/settings/engagement-types", "/app/settings/engagement-types",
				Map.of("name", "x".repeat(61)));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("Use at most 60 characters");
		var renameTaken = http.submit("/app/settings/pipeline",
				"/app/settings/pipeline/" + idOf(SettingsList.PIPELINE_STAGES, "Filed") + "/rename",
				Map.of("name", "Complete"));
		assertThat(renameTaken.statusCode()).isEqualTo(422);
		assertThat(renameTaken.body()).contains("There already is a stage with this name.");
	}

	@Test
	void aStageOrTypeInUseCannotBeDeletedAndThePageSaysWhy() {
		var client = anIndividual(clients, owner, "Robert Chen");
		var review = idOf(SettingsList.PIPELINE_STAGES, "In review");
		var type1040 = idOf(SettingsList.ENGAGEMENT_TYPES, "1040");
		engagements.open(owner, client, new EngagementDraft("2025 1040", java.util.UUID.fromString(type1040), "2025",
				null, java.util.UUID.fromString(review)));

		var stage = http.submit("/app/settings/pipeline", "/app/settings/pipeline/" + review + "/delete", Map.of());
		assertThat(stage.statusCode()).isEqualTo(422);
		assertThat(stage.body()).contains("This stage still has engagements in it. Move them to another stage first");
		var type = http.submit("/app/settings/engagement-types", "/app/settings/engagement-types/" + type1040 + "/delete",
				Map.of());
		assertThat(type.statusCode()).isEqualTo(422);
		assertThat(type.body()).contains("Engagements of this type exist.");
		assertThat(names(http.get("/app/settings/pipeline").body())).contains("In review");
	}

	@Test
	void onlyOwnersAdminsAndManageFirmSettingsChangeTheLists() {
		var preparer = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Jane Preparer");
		var member = signedIn(preparer);
		assertThat(member.get("/app/settings").statusCode()).isEqualTo(403);
		assertThat(member.get("/app/settings/pipeline").statusCode()).isEqualTo(403);
		assertThat(member.get("/app/settings/onboarding").statusCode()).isEqualTo(403);
		member.get("/app/account");
		assertThat(member.post("/app/settings/pipeline", Map.of("name", "Sneaky")).statusCode()).isEqualTo(403);

		var settingsPerson = aMemberWith(Set.of(Permission.MANAGE_FIRM_SETTINGS), staff, events, owner, "Sid Settings");
		var sid = signedIn(settingsPerson);
		assertThat(sid.get("/app/settings").statusCode()).isEqualTo(200);
		assertThat(sid.submit("/app/settings/pipeline", "/app/settings/pipeline", Map.of("name", "Extension filed"))
			.statusCode()).isEqualTo(302);
	}

	@Test
	void anotherFirmsEntriesAreNotFound() {
		var stranger = signedIn(StaffFixtures.aFirmWithOwner(staff));
		var id = idOf(SettingsList.PIPELINE_STAGES, "Filed");
		stranger.get("/app/settings/pipeline");
		assertThat(stranger.post("/app/settings/pipeline/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);
		assertThat(stranger.post("/app/settings/pipeline/" + id + "/rename", Map.of("name", "Mine")).statusCode())
			.isEqualTo(404);
		assertThat(stranger.post("/app/settings/pipeline/not-an-id/up", Map.of()).statusCode()).isEqualTo(404);
		assertThat(names(http.get("/app/settings/pipeline").body())).contains("Filed");
	}

	@Test
	void onboardingDefaultsAreSetPerClientTypeAndRoleAndSaveAtOnceWithHtmx() {
		var jane = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner, "Jane Preparer");
		var morgan = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner, "Morgan Reviewer");
		var page = http.get("/app/settings/onboarding");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Individuals", "Businesses", "id=\"default-INDIVIDUAL-PREPARER\"",
				"hx-post=\"/app/settings/onboarding/INDIVIDUAL/PREPARER\"");

		var saved = RawHttp.htmxPost(http, "/app/settings/onboarding/INDIVIDUAL/PREPARER",
				RawHttp.form("staffId", jane.id().toString()));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).doesNotContain("<html").contains("id=\"onboarding-defaults\"", "Onboarding defaults saved.");

		var refused = RawHttp.htmxPost(http, "/app/settings/onboarding/BUSINESS/PREPARER",
				RawHttp.form("staffId", morgan.id().toString()));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Only active colleagues with the Prepare permission can be the preparer.");

		var plain = http.submit("/app/settings/onboarding", "/app/settings/onboarding/business/reviewer",
				Map.of("staffId", morgan.id().toString()));
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith("/app/settings/onboarding");

		var defaults = engagements.onboardingDefaults(owner);
		assertThat(defaults.get(ClientType.INDIVIDUAL, AssignmentRole.PREPARER).assignee().id()).isEqualTo(jane.id());
		assertThat(defaults.get(ClientType.BUSINESS, AssignmentRole.REVIEWER).assignee().id()).isEqualTo(morgan.id());
		assertThat(defaults.get(ClientType.BUSINESS, AssignmentRole.PREPARER).assignee()).isNull();

		assertThat(http.submit("/app/settings/onboarding", "/app/settings/onboarding/trust/preparer",
				Map.of("staffId", "")).statusCode()).isEqualTo(400);
		assertThat(http.submit("/app/settings/onboarding", "/app/settings/onboarding/business/boss",
				Map.of("staffId", "")).statusCode()).isEqualTo(400);
	}
}

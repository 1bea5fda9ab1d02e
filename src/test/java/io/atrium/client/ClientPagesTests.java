package io.atrium.client;

import static io.atrium.client.ClientFixtures.aBusiness;
import static io.atrium.client.ClientFixtures.aContact;
import static io.atrium.client.ClientFixtures.aMemberIn;
import static io.atrium.client.ClientFixtures.anIndividual;
import static io.atrium.client.ClientFixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** The client pages over real HTTP, as a browser without a screen uses them. */
@RecordApplicationEvents
class ClientPagesTests extends AtriumIntegrationTest {

	private final ClientManagement clients;
	private final StaffManagement staff;
	private final JdbcClient jdbc;

	StaffPrincipal owner;
	TestHttp http;

	@Autowired
	ClientPagesTests(ClientManagement clients, StaffManagement staff, JdbcClient jdbc) {
		this.clients = clients;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void signedInOwner() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		http = signedIn(owner);
	}

	@Test
	void anOwnerCreatesAClientAndLandsOnItsPage() {
		var empty = http.get("/app/clients");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("data-state=\"none\"").contains("No clients yet").contains("href=\"/app/clients/new\"");

		var created = http.submit("/app/clients/new", "/app/clients", Map.of("type", "BUSINESS",
				"name", "Blue Heron Bakery LLC", "email", "Hello@BlueHeron.example.com", "phone", "(512) 555-0190",
				"notes", "Quarterly sales tax"));
		assertThat(created.statusCode()).isEqualTo(302);
		var location = location(created);
		assertThat(location).matches(".*/app/clients/[0-9a-f-]{36}");

		var page = http.get(path(location));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Client Blue Heron Bakery LLC created.")
			.contains("hello@blueheron.example.com")
			.contains("hx-get=\"" + path(location) + "/assignments\"")
			.contains("href=\"" + path(location) + "/assignments\"")
			.contains("href=\"" + path(location) + "?tab=contacts\"")
			.contains("href=\"" + path(location) + "?tab=engagements\"");

		var list = http.get("/app/clients");
		assertThat(list.body()).contains("Blue Heron Bakery LLC").contains("1 client<");
	}

	@Test
	void badInputIsToldNextToTheFieldAndTheFormKeepsWhatWasTyped() {
		var blank = http.submit("/app/clients/new", "/app/clients", Map.of("type", "INDIVIDUAL", "name", "  ",
				"email", "maria@example.com", "phone", "555-0100", "notes", "keep me"));
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(blank.body()).contains("Please fill this in.").contains("value=\"maria@example.com\"")
			.contains("value=\"555-0100\"").contains(">keep me</textarea>");

		var long_ = http.post("/app/clients", Map.of("type", "INDIVIDUAL", "name", "x".repeat(201)));
		assertThat(long_.statusCode()).isEqualTo(422);
		assertThat(long_.body()).contains("Use between 0 and 200 characters.").contains("x".repeat(201));

		var email = http.post("/app/clients", Map.of("type", "INDIVIDUAL", "name", "Maria Garcia", "email", "maria@"));
		assertThat(email.statusCode()).isEqualTo(422);
		assertThat(email.body()).contains("Enter an email address like name@example.com.").contains("value=\"Maria Garcia\"");

		var noDot = http.post("/app/clients", Map.of("type", "INDIVIDUAL", "name", "Maria Garcia", "email", "maria@localhost"));
		assertThat(noDot.statusCode()).isEqualTo(422);
		assertThat(noDot.body()).contains("Enter an email address like name@example.com.");

		var type = http.post("/app/clients", Map.of("type", "ALIEN", "name", "Maria Garcia"));
		assertThat(type.statusCode()).isEqualTo(422);
		assertThat(type.body()).contains("This value is not valid.").contains("value=\"Maria Garcia\"");

		assertThat(clients.count(owner, ClientQuery.everything())).isZero();
	}

	@Test
	void editsArchivesAndRestoresFromTheInfoTab() {
		var client = clients.create(owner, anIndividual("Robert Chen"));
		var page = "/app/clients/" + client.id();
		var info = http.get(page);
		assertThat(info.body()).contains("id=\"archive-form\"").contains("data-confirm=\"Archive this client?");

		var bad = http.post(page, Map.of("type", "INDIVIDUAL", "name", "", "phone", "555"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("Please fill this in.").contains("value=\"555\"");

		var saved = http.post(page, Map.of("type", "INDIVIDUAL", "name", "Robert J. Chen", "email", "", "phone", "",
				"notes", ""));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(clients.get(owner, client.id()).name()).isEqualTo("Robert J. Chen");

		assertThat(http.post(page + "/archive", Map.of()).statusCode()).isEqualTo(302);
		assertThat(http.get(page).body()).contains("This client is archived.").contains("id=\"restore-form\"");
		assertThat(http.get("/app/clients").body()).doesNotContain("Robert J. Chen");
		assertThat(http.get("/app/clients?status=archived").body()).contains("Robert J. Chen");
		assertThat(http.post(page + "/restore", Map.of()).statusCode()).isEqualTo(302);
		assertThat(clients.get(owner, client.id()).status()).isEqualTo(ClientStatus.ACTIVE);
	}

	@Test
	void managesContactsOnTheContactsTab() {
		var client = clients.create(owner, anIndividual("Maria & Luis Garcia"));
		var tab = "/app/clients/" + client.id() + "?tab=contacts";
		assertThat(http.get(tab).body()).contains("No contacts yet.");

		var added = http.submit(tab, "/app/clients/" + client.id() + "/contacts",
				Map.of("name", "Maria Garcia", "email", "Garcia.Family@example.com", "phone", "", "notes", ""));
		assertThat(added.statusCode()).isEqualTo(302);
		http.post("/app/clients/" + client.id() + "/contacts",
				Map.of("name", "Luis Garcia", "email", "garcia.family@example.com"));
		var contacts = clients.contacts(owner, client.id());
		assertThat(contacts).extracting(ContactView::email).containsOnly("garcia.family@example.com").hasSize(2);

		var bad = http.post("/app/clients/" + client.id() + "/contacts", Map.of("name", "Ana", "email", "ana@"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("Enter an email address").contains("value=\"Ana\"").contains("Maria Garcia");

		var maria = contacts.get(0);
		var edit = "/app/clients/" + client.id() + "/contacts/" + maria.id();
		assertThat(http.get(edit).body()).contains("value=\"Maria Garcia\"");
		assertThat(http.post(edit, Map.of("name", "", "email", "x@example.com")).statusCode()).isEqualTo(422);
		assertThat(http.post(edit, Map.of("name", "María García", "email", "maria@example.com")).statusCode())
			.isEqualTo(302);
		assertThat(clients.contact(owner, client.id(), maria.id()).name()).isEqualTo("María García");

		var page = http.get(tab).body();
		assertThat(page).contains("data-confirm=\"Delete this contact?");
		assertThat(http.post(edit + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(clients.contacts(owner, client.id())).extracting(ContactView::name).containsExactly("Luis Garcia");
	}

	@Test
	void searchesFiltersSortsAndPagesTheList() {
		for (int i = 1; i <= 30; i++) {
			clients.create(owner, anIndividual(String.format("Person %02d", i)));
		}
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@blueheron.example.com"));

		var first = http.get("/app/clients");
		assertThat(first.body()).contains("31 clients").contains("Page 1 of 2").contains("Blue Heron Bakery LLC")
			.contains("Person 24").doesNotContain("Person 25").contains("href=\"/app/clients?page=2\"");
		assertThat(http.get("/app/clients?page=2").body()).contains("Person 25").contains("Person 30")
			.doesNotContain("Person 24<");

		var desc = http.get("/app/clients?sort=name&dir=desc").body();
		assertThat(desc.indexOf("Person 30")).isLessThan(desc.indexOf("Person 29"));
		assertThat(desc).contains("href=\"/app/clients\"").contains("aria-sort=\"descending\"");

		assertThat(http.get("/app/clients?q=HANNAH%40blueheron").body()).contains("1 client<")
			.contains("Blue Heron Bakery LLC");
		assertThat(http.get("/app/clients?type=business").body()).contains("1 client<");
		var none = http.get("/app/clients?q=nobody-matches");
		assertThat(none.body()).contains("No clients<").contains("data-state=\"filtered\"");

		assertThat(http.get("/app/clients?type=alien").statusCode()).isEqualTo(400);
		assertThat(http.get("/app/clients?assignee=not-a-uuid").statusCode()).isEqualTo(400);
	}

	@Test
	void theBulkFormCarriesTheSelectionTheFilterAndTheRoleToAssign() {
		var client = clients.create(owner, anIndividual("Bulk Client"));
		assign(jdbc, owner, client.id(), AssignmentRole.PREPARER);
		var body = http.get("/app/clients?q=bulk&assigneeRole=PREPARER&unassigned=SIGNER&sort=created").body();
		assertThat(body).contains("id=\"bulk-form\"").contains("action=\"/app/clients/bulk-assign\"")
			.contains("id=\"bulk-bar\"").contains("name=\"allMatching\" value=\"true\"")
			.contains("name=\"onlyEmpty\" value=\"true\"")
			.contains("<select id=\"bulk-role\" name=\"role\">")
			.contains("<select id=\"bulk-staff\" name=\"staffId\">")
			.contains("value=\"" + owner.id() + "\"")
			.contains("type=\"hidden\" name=\"q\" value=\"bulk\"")
			.contains("type=\"hidden\" name=\"assigneeRole\" value=\"PREPARER\"")
			.contains("type=\"hidden\" name=\"unassigned\" value=\"SIGNER\"")
			.contains("src=\"/js/clients.js\"")
			.contains("name=\"clientIds\" value=\"" + client.id() + "\"");
		assertThat(http.get("/app/clients?assigneeRole=SIGNER").body()).contains("No clients<");
		var all = http.get("/app/clients").body();
		assertThat(all).contains("name=\"clientIds\" value=\"" + client.id() + "\"");
	}

	@Test
	void anUnassignedMemberSeesAnEmptyListThatSaysWhyAndCannotOpenClients(ApplicationEvents events) {
		var client = clients.create(owner, anIndividual("Somebody Else"));
		var reviewer = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner);
		var member = signedIn(reviewer);

		var list = member.get("/app/clients");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("data-state=\"unassigned\"").contains("none are assigned to you yet")
			.contains("No clients<").doesNotContain("Somebody Else").doesNotContain("href=\"/app/clients/new\"");
		// a Reviewer is in a built-in team and may use bulk assignment on what they see; they see nothing yet
		assertThat(member.get("/app/clients/" + client.id()).statusCode()).isEqualTo(404);
		assertThat(member.get("/app/clients/" + client.id() + "?tab=contacts").statusCode()).isEqualTo(404);
		assertThat(member.get("/app/clients?q=somebody").body()).doesNotContain("Somebody Else");
		assertThat(member.get("/app/clients/new").statusCode()).isEqualTo(403);
		assertThat(member.post("/app/clients/" + client.id() + "/archive", Map.of()).statusCode()).isEqualTo(404);

		assign(jdbc, reviewer, client.id(), AssignmentRole.REVIEWER);
		assertThat(member.get("/app/clients").body()).contains("Somebody Else").contains("1 client<");
		var page = member.get("/app/clients/" + client.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("id=\"client-form\"").doesNotContain("id=\"archive-form\"");
		assertThat(member.post("/app/clients/" + client.id() + "/archive", Map.of()).statusCode()).isEqualTo(403);
		assertThat(member.post("/app/clients/" + client.id(), Map.of("type", "INDIVIDUAL", "name", "Changed"))
			.statusCode()).isEqualTo(403);
		assertThat(clients.get(owner, client.id()).name()).isEqualTo("Somebody Else");
	}

	@Test
	void aPreparerWhoCreatesAClientNobodyAssignedIsToldWhyItIsNotInTheirList(ApplicationEvents events) {
		var preparer = signedIn(aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner));
		assertThat(preparer.get("/app/clients").body()).contains("href=\"/app/clients/new\"")
			.contains("data-state=\"unassigned\"");
		var created = preparer.submit("/app/clients/new", "/app/clients", Map.of("type", "INDIVIDUAL",
				"name", "Fresh Client"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(location(created)).endsWith("/app/clients");
		assertThat(preparer.get("/app/clients").body()).contains("it is not in your list until someone assigns it");
		assertThat(clients.count(owner, ClientQuery.everything())).isEqualTo(1);
	}

	@Test
	void aMemberWithoutTeamsSeesNoBulkBarAndIsToldTheirRoleLacksClients(ApplicationEvents events) {
		clients.create(owner, anIndividual("Hidden"));
		var plain = signedIn(ClientFixtures.aColleague(staff, events, owner, io.atrium.staff.FirmRole.MEMBER));
		var list = plain.get("/app/clients").body();
		assertThat(list).contains("data-state=\"no-permission\"").doesNotContain("id=\"bulk-bar\"");
	}

	@Test
	void anotherFirmsClientIsNotFoundOnEveryPageAndNothingChanges() {
		var client = clients.create(owner, anIndividual("Private Client"));
		var contact = clients.addContact(owner, client.id(), aContact("Pat Private", "pat@example.com"));
		var stranger = signedIn(StaffFixtures.aFirmWithOwner(staff));
		var base = "/app/clients/" + client.id();
		var contactPage = base + "/contacts/" + contact.id();

		for (var path : new String[] { base, base + "?tab=contacts", base + "?tab=engagements", contactPage,
				"/api/v1/clients/" + client.id() }) {
			assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
		}
		stranger.get("/app/clients");
		var posts = new HashMap<String, Map<String, String>>();
		posts.put(base, Map.of("type", "INDIVIDUAL", "name", "Taken"));
		posts.put(base + "/archive", Map.of());
		posts.put(base + "/restore", Map.of());
		posts.put(base + "/contacts", Map.of("name", "Intruder"));
		posts.put(contactPage, Map.of("name", "Intruder"));
		posts.put(contactPage + "/delete", Map.of());
		posts.forEach((path, fields) -> assertThat(stranger.post(path, fields).statusCode()).as(path).isEqualTo(404));
		assertThat(stranger.get("/app/clients?q=private").body()).doesNotContain("Private Client");

		// the owner's own contact under a different client of the owner is not found either
		var other = clients.create(owner, anIndividual("Other Client"));
		assertThat(http.get("/app/clients/" + other.id() + "/contacts/" + contact.id()).statusCode()).isEqualTo(404);
		assertThat(http.get("/app/clients/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(http.get("/app/clients/not-an-id").statusCode()).isEqualTo(404);

		assertThat(clients.get(owner, client.id()).name()).isEqualTo("Private Client");
		assertThat(clients.get(owner, client.id()).status()).isEqualTo(ClientStatus.ACTIVE);
		assertThat(clients.contacts(owner, client.id())).extracting(ContactView::name).containsExactly("Pat Private");
	}

	@Test
	void refusesAChangeWithoutCsrfToken() {
		var client = clients.create(owner, anIndividual("Robert Chen"));
		var response = http.postWithoutCsrf("/app/clients/" + client.id() + "/archive", Map.of());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(clients.get(owner, client.id()).status()).isEqualTo(ClientStatus.ACTIVE);
	}

	private TestHttp signedIn(StaffPrincipal who) {
		var visitor = visitor();
		assertThat(location(visitor.signIn(who.email(), StaffFixtures.PASSWORD))).endsWith("/app");
		return visitor;
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String path(String location) {
		return java.net.URI.create(location).getPath();
	}
}

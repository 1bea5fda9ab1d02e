package io.atrium.client;

import static io.atrium.client.ClientFixtures.aBusiness;
import static io.atrium.client.ClientFixtures.aContact;
import static io.atrium.client.ClientFixtures.aMemberIn;
import static io.atrium.client.ClientFixtures.anIndividual;
import static io.atrium.client.ClientFixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RecordApplicationEvents
class ClientApiTests extends AtriumIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ClientManagement clients;
	private final StaffManagement staff;
	private final JdbcClient jdbc;

	StaffPrincipal owner;
	TestHttp http;

	@Autowired
	ClientApiTests(ClientManagement clients, StaffManagement staff, JdbcClient jdbc) {
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
	void listsAndFiltersTheVisibleClients() {
		var bakery = clients.create(owner, new NewClient(ClientType.BUSINESS, "Blue Heron Bakery LLC",
				"hello@blueheron.example.com", null, null));
		clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@blueheron.example.com"));
		clients.create(owner, anIndividual("Robert Chen"));
		clients.archive(owner, clients.create(owner, aBusiness("Old Co")).id());

		var all = json(http.get("/api/v1/clients").body());
		assertThat(all.get("total").asInt()).isEqualTo(2);
		assertThat(all.get("page").asInt()).isEqualTo(1);
		assertThat(all.get("items").get(0).get("name").asString()).isEqualTo("Blue Heron Bakery LLC");
		assertThat(all.get("items").get(0).get("id").asString()).isEqualTo(bakery.id().toString());
		assertThat(all.get("items").get(0).get("type").asString()).isEqualTo("BUSINESS");

		assertThat(json(http.get("/api/v1/clients?q=hannah").body()).get("total").asInt()).isEqualTo(1);
		assertThat(json(http.get("/api/v1/clients?type=individual").body()).get("items").get(0).get("name").asString())
			.isEqualTo("Robert Chen");
		assertThat(json(http.get("/api/v1/clients?status=all").body()).get("total").asInt()).isEqualTo(3);
		assertThat(json(http.get("/api/v1/clients?page=2").body()).get("items").size()).isZero();

		var detail = json(http.get("/api/v1/clients/" + bakery.id()).body());
		assertThat(detail.get("client").get("email").asString()).isEqualTo("hello@blueheron.example.com");
		assertThat(detail.get("contacts").get(0).get("name").asString()).isEqualTo("Hannah Okoye");
	}

	@Test
	void badFiltersAreProblemDetails() {
		var response = http.get("/api/v1/clients?type=alien");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(json(response.body()).get("field").asString()).isEqualTo("type");
	}

	@Test
	void anUnseenOrForeignClientIsNotFound(ApplicationEvents events) {
		var mine = clients.create(owner, anIndividual("Assigned Client"));
		var unseen = clients.create(owner, anIndividual("Unseen Client"));
		var reviewer = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner);
		assign(jdbc, reviewer, mine.id(), AssignmentRole.REVIEWER);
		var member = signedIn(reviewer);

		var list = json(member.get("/api/v1/clients?status=all").body());
		assertThat(list.get("total").asInt()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("name").asString()).isEqualTo("Assigned Client");
		assertThat(member.get("/api/v1/clients/" + mine.id()).statusCode()).isEqualTo(200);
		var notFound = member.get("/api/v1/clients/" + unseen.id());
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(member.get("/api/v1/clients/nonsense").statusCode()).isEqualTo(404);

		var stranger = signedIn(StaffFixtures.aFirmWithOwner(staff));
		assertThat(stranger.get("/api/v1/clients/" + mine.id()).statusCode()).isEqualTo(404);
		assertThat(json(stranger.get("/api/v1/clients?status=all").body()).get("total").asInt()).isZero();
	}

	@Test
	void needsASignedInStaffMember() {
		var response = visitor().get("/api/v1/clients");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	private TestHttp signedIn(StaffPrincipal who) {
		var visitor = visitor();
		visitor.signIn(who.email(), StaffFixtures.PASSWORD);
		return visitor;
	}
}

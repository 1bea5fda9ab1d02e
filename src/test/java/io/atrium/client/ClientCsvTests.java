package io.atrium.client;

import static io.atrium.client.ClientFixtures.aBusiness;
import static io.atrium.client.ClientFixtures.aContact;
import static io.atrium.client.ClientFixtures.aMemberIn;
import static io.atrium.client.ClientFixtures.anIndividual;
import static io.atrium.client.ClientFixtures.assign;
import static io.atrium.client.ClientFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

/** CSV export and import over real HTTP. */
@RecordApplicationEvents
class ClientCsvTests extends AtriumIntegrationTest {

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	private final ClientManagement clients;
	private final StaffManagement staff;
	private final JdbcClient jdbc;

	StaffPrincipal owner;
	TestHttp http;

	@Autowired
	ClientCsvTests(ClientManagement clients, StaffManagement staff, JdbcClient jdbc) {
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
	void exportsTheFilteredListAsAnAttachmentSafeForSpreadsheets() throws IOException {
		var bakery = clients.create(owner, new NewClient(ClientType.BUSINESS, "Blue Heron Bakery LLC",
				"hello@blueheron.example.com", "+1 512 555 0190", null));
		clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@blueheron.example.com"));
		clients.addContact(owner, bakery.id(), aContact("=HYPERLINK(\"http://evil\")", null));
		clients.create(owner, anIndividual("Robert Chen"));
		clients.archive(owner, clients.create(owner, aBusiness("Old Business")).id());

		var response = http.get("/app/clients/export.csv?type=business");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains(".csv");
		var rows = csv(response.body());
		assertThat(rows.get(0).toList()).containsExactly("type", "name", "email", "phone", "status", "created",
				"contacts");
		assertThat(rows).hasSize(2);
		var row = rows.get(1);
		assertThat(row.get(0)).isEqualTo("business");
		assertThat(row.get(1)).isEqualTo("Blue Heron Bakery LLC");
		assertThat(row.get(3)).isEqualTo("'+1 512 555 0190");
		assertThat(row.get(4)).isEqualTo("active");
		assertThat(row.get(5)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
		assertThat(row.get(6)).isEqualTo("Hannah Okoye <hannah@blueheron.example.com>; =HYPERLINK(\"http://evil\")");

		var formula = csv(http.get("/app/clients/export.csv?q=evil").body());
		assertThat(formula).hasSize(2);
		assertThat(http.get("/app/clients/export.csv?status=all").body()).contains("Old Business");
		assertThat(http.get("/app/clients/export.csv?status=bogus").statusCode()).isEqualTo(400);
	}

	@Test
	void aCellThatStartsLikeAFormulaIsQuoted() throws IOException {
		var client = clients.create(owner, anIndividual("=cmd|' /C calc'!A0"));
		clients.addContact(owner, client.id(), aContact("-Minus", null));
		var row = csv(http.get("/app/clients/export.csv").body()).get(1);
		assertThat(row.get(1)).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(row.get(6)).isEqualTo("'-Minus");
	}

	@Test
	void theExportHoldsOnlyWhatTheMemberMaySee(ApplicationEvents events) throws IOException {
		var mine = clients.create(owner, anIndividual("Mine Client"));
		clients.create(owner, anIndividual("Secret Client"));
		var reviewer = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner);
		assign(jdbc, reviewer, mine.id(), AssignmentRole.REVIEWER);
		var rows = csv(signedIn(reviewer).get("/app/clients/export.csv?status=all").body());
		assertThat(rows).extracting(r -> r.get(1)).containsExactly("name", "Mine Client");
		assertThat(signedIn(StaffFixtures.aFirmWithOwner(staff)).get("/app/clients/export.csv").body())
			.doesNotContain("Mine Client").doesNotContain("Secret Client");
	}

	@Test
	void importShowsAPreviewAndWritesOnlyOnConfirmation(ApplicationEvents events) {
		clients.create(owner, anIndividual("Robert Chen"));
		var file = """
				type,name,email,phone,notes,contact_name,contact_email,contact_phone
				individual,Maria & Luis Garcia,garcia.family@example.com,,,Maria Garcia,garcia.family@example.com,
				individual,Maria & Luis Garcia,,,,Luis Garcia,garcia.family@example.com,
				business,Blue Heron Bakery LLC,,,,Hannah Okoye,hannah@example.com,
				robot,Bad Type,,,,,,
				individual,ROBERT CHEN,,,,,,
				business,Blue Heron Bakery LLC,,,,Hannah Okoye,hannah@example.com,
				individual,,,,,,,
				""";
		var preview = upload(http, "clients.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("7 line(s) read from clients.csv: 2 client(s) with 3 contact(s)")
			.contains("Line 5: type &quot;robot&quot; is not known")
			.contains("Line 6: a client named &quot;ROBERT CHEN&quot; already exists")
			.contains("Line 7: contact Hannah Okoye of Blue Heron Bakery LLC appears twice")
			.contains("Line 8: name is missing.")
			.contains("Maria &amp; Luis Garcia");
		assertThat(clients.count(owner, ClientQuery.everything())).isEqualTo(1);
		assertThat(events.stream(ClientCreated.class)).hasSize(1);

		var key = key(preview.body());
		http.get("/app/clients");
		assertThat(http.post("/app/clients/import/confirm", Map.of("key", "wrong")).statusCode()).isEqualTo(409);
		assertThat(clients.count(owner, ClientQuery.everything())).isEqualTo(1);

		var done = http.post("/app/clients/import/confirm", Map.of("key", key));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(http.get("/app/clients").body()).contains("Imported 2 client(s) with 3 contact(s).");
		assertThat(clients.count(owner, ClientQuery.everything())).isEqualTo(3);
		var garcia = clients.search(owner, new ClientQuery("garcia", null, null, null, null, false, 0, 5)).clients()
			.get(0);
		assertThat(clients.contacts(owner, garcia.id())).extracting(ContactView::name)
			.containsExactly("Maria Garcia", "Luis Garcia");

		// the preview is spent: confirming again writes nothing
		assertThat(http.post("/app/clients/import/confirm", Map.of("key", key)).statusCode()).isEqualTo(409);
		assertThat(clients.count(owner, ClientQuery.everything())).isEqualTo(3);
	}

	@Test
	void aClientCreatedBetweenPreviewAndConfirmationIsSkipped() {
		var preview = upload(http, "c.csv", "type,name\nbusiness,Acme\nbusiness,Zenith\n".getBytes(StandardCharsets.UTF_8));
		clients.create(owner, aBusiness("acme"));
		http.get("/app/clients");
		http.post("/app/clients/import/confirm", Map.of("key", key(preview.body())));
		assertThat(http.get("/app/clients").body()).contains("Imported 1 client(s)").contains("1 client was skipped");
		assertThat(clients.count(owner, ClientQuery.everything())).isEqualTo(2);
	}

	@Test
	void rejectsFilesItCannotReadWithAClearMessageAndWritesNothing() {
		var wrongColumns = upload(http, "x.csv", "firstname,lastname\nMaria,Garcia\n".getBytes(StandardCharsets.UTF_8));
		assertThat(wrongColumns.statusCode()).isEqualTo(422);
		assertThat(wrongColumns.body()).contains("The header row has columns Atrium does not know: firstname, lastname");

		var latin1 = upload(http, "x.csv", "type,name\nindividual,Jos\u00e9 N\u00fa\u00f1ez\n"
				.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(latin1.statusCode()).isEqualTo(422);
		assertThat(latin1.body()).contains("The file is not UTF-8 text.");

		var broken = upload(http, "x.csv", "type,name\nindividual,\"Open\nbusiness,B\n".getBytes(StandardCharsets.UTF_8));
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(broken.body()).contains("near line 2");

		var empty = upload(http, "x.csv", new byte[0]);
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("Choose a CSV file to upload.");

		var junk = new byte[10 * 1024 * 1024];
		new Random(1).nextBytes(junk);
		var large = upload(http, "junk.csv", junk);
		assertThat(large.statusCode()).isEqualTo(413);
		assertThat(large.body()).contains("The file is larger than 5 MB.");

		var smallJunk = new byte[100_000];
		new Random(2).nextBytes(smallJunk);
		var binary = upload(http, "junk.csv", smallJunk);
		assertThat(binary.statusCode()).isEqualTo(422);
		assertThat(binary.body()).contains("The file is not");

		assertThat(clients.count(owner, ClientQuery.everything())).isZero();
	}

	@Test
	void aFileBeyondTheServersUploadLimitIsRefusedAsTooLargeToo() {
		// past the servlet's multipart limit (20 MB) the platform's error page answers, before this module is asked
		var huge = upload(http, "huge.csv", new byte[21 * 1024 * 1024]);
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(clients.count(owner, ClientQuery.everything())).isZero();
	}

	@Test
	void onlyEditorsImport(ApplicationEvents events) {
		var reviewer = signedIn(aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner));
		assertThat(reviewer.get("/app/clients/import").statusCode()).isEqualTo(403);
		var attempt = upload(reviewer, "c.csv", "type,name\nbusiness,Acme\n".getBytes(StandardCharsets.UTF_8));
		assertThat(attempt.statusCode()).isEqualTo(403);
		assertThat(clients.count(owner, ClientQuery.everything())).isZero();

		var preparer = signedIn(aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner));
		assertThat(upload(preparer, "c.csv", "type,name\nbusiness,Acme\n".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void anExportImportsIntoAnotherFirmAsItIs() {
		var bakery = clients.create(owner, new NewClient(ClientType.BUSINESS, "Blue Heron Bakery LLC",
				"hello@blueheron.example.com", "+1 512 555 0190", null));
		clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@blueheron.example.com"));
		clients.addContact(owner, bakery.id(), aContact("Devon Price", null));
		var household = clients.create(owner, anIndividual("Hannah & Chidi Okoye"));
		clients.addContact(owner, household.id(), aContact("Hannah Okoye", "hannah@blueheron.example.com"));
		clients.archive(owner, clients.create(owner, aBusiness("@Formula Old Co")).id());
		var exported = http.get("/app/clients/export.csv?status=all").body();

		var other = StaffFixtures.aFirmWithOwner(staff);
		var otherHttp = signedIn(other);
		var preview = upload(otherHttp, "export.csv", exported.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("3 client(s) with 3 contact(s)");
		otherHttp.get("/app/clients");
		assertThat(otherHttp.post("/app/clients/import/confirm", Map.of("key", key(preview.body()))).statusCode())
			.isEqualTo(302);

		var reexported = otherHttp.get("/app/clients/export.csv?status=all").body();
		assertThat(withoutCreated(reexported)).isEqualTo(withoutCreated(exported));
		var copy = clients.search(other, new ClientQuery("formula", null, null, null, null, false, 0, 5)).clients();
		assertThat(copy).singleElement().satisfies(c -> {
			assertThat(c.name()).isEqualTo("@Formula Old Co");
			assertThat(c.status()).isEqualTo(ClientStatus.ARCHIVED);
		});
		assertThat(clients.count(owner, ClientQuery.everything())).isEqualTo(3);
	}

	private static List<String> withoutCreated(String csv) {
		try {
			return csv(csv).stream().map(r -> {
				var values = new java.util.ArrayList<>(r.toList());
				values.remove(5);
				return String.join("|", values);
			}).toList();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<CSVRecord> csv(String body) throws IOException {
		var text = body.startsWith("\uFEFF") ? body.substring(1) : body;
		return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
	}

	private static String key(String body) {
		var matcher = KEY.matcher(body);
		assertThat(matcher.find()).as("a confirm form").isTrue();
		return matcher.group(1);
	}

	private TestHttp signedIn(StaffPrincipal who) {
		var visitor = visitor();
		var response = visitor.signIn(who.email(), StaffFixtures.PASSWORD);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/app");
		return visitor;
	}

}

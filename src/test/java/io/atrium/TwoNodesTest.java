package io.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.opentest4j.TestAbortedException;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Two complete Atrium nodes on one PostgreSQL database, as in production behind a load balancer: a session started
 * on one node is good on the other, the outbox is delivered once although both nodes run the delivery job, and a
 * deactivation on one node ends the colleague's session on the other. Talks plain HTTP, as a browser would.
 */
@TestInstance(Lifecycle.PER_CLASS)
class TwoNodesTest {

	private static final String OWNER_PASSWORD = "mellow tangerine harbor lamp";
	private static final String COLLEAGUE_PASSWORD = "purple elephants juggle quietly";
	private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");
	private static final Pattern INVITATION_PATH = Pattern.compile("/invitation/[A-Za-z0-9_-]{43}");
	private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();
	private final String unique = UUID.randomUUID().toString().substring(0, 8);
	private final String ownerEmail = "owner-" + unique + "@two-nodes.example";

	private String skipped;
	private Path documents;
	private ConfigurableApplicationContext nodeA;
	private ConfigurableApplicationContext nodeB;
	private Node a;
	private Node b;
	private Visitor owner;

	@BeforeAll
	void startTwoNodesAndSetUpTheFirm() throws Exception {
		String database;
		try {
			database = TestDatabase.requirePostgresDatabase();
		}
		catch (TestAbortedException e) {
			// Skipped test by test (below), so that the report shows them skipped and why, not missing.
			skipped = e.getMessage();
			return;
		}
		documents = Files.createTempDirectory("atrium-two-nodes-");
		nodeA = start("a", database);
		nodeB = start("b", database);
		a = new Node("A", port(nodeA));
		b = new Node("B", port(nodeB));

		// First-run setup through node A.
		var setupVisitor = new Visitor();
		var setupPage = setupVisitor.get(a, "/setup");
		assertThat(setupPage.statusCode()).isEqualTo(200);
		var created = setupVisitor.post(a, "/setup", form("_csrf", csrf(setupPage), "firmName", "Two Nodes & Co",
				"slug", "two-nodes-" + unique, "ownerName", "Olive Owner", "email", ownerEmail, "password",
				OWNER_PASSWORD));
		assertRedirect(created, "/signin?welcome");

		owner = new Visitor();
		signIn(owner, a, ownerEmail, OWNER_PASSWORD);
	}

	@BeforeEach
	void requirePostgres() {
		Assumptions.assumeTrue(skipped == null, () -> skipped);
	}

	@AfterAll
	void stopNodes() throws IOException {
		for (var node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (documents != null) {
			try (var files = Files.walk(documents)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Test
	void aSessionStartedOnOneNodeIsGoodOnTheOther() throws Exception {
		var me = owner.get(b, "/api/v1/me");
		assertThat(me.statusCode()).as(describe(me)).isEqualTo(200);
		assertThat(me.body()).contains("\"email\":\"" + ownerEmail + "\"", "\"role\":\"OWNER\"");

		var home = owner.get(b, "/app");
		assertThat(home.statusCode()).as(describe(home)).isEqualTo(200);
		assertThat(home.body()).contains("Hello, Olive Owner");

		// Node B sees the firm node A created: setup is gone there too; strangers are not let in.
		assertThat(new Visitor().get(b, "/setup").statusCode()).isEqualTo(404);
		assertThat(new Visitor().get(b, "/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void eachInvitationIsEmailedExactlyOnceWhileBothNodesDeliver() throws Exception {
		assertThat(nodeA.getBean(Scheduler.class).getSchedulerState().isStarted()).as("node A's job scheduler").isTrue();
		assertThat(nodeB.getBean(Scheduler.class).getSchedulerState().isStarted()).as("node B's job scheduler").isTrue();

		var invitees = new ArrayList<String>();
		for (int i = 0; i < 10; i++) {
			var node = i % 2 == 0 ? a : b;
			var email = "colleague-" + i + "-" + unique + "@two-nodes.example";
			invite(node, "Colleague " + i, email, "MEMBER");
			invitees.add(email);
		}

		var deadline = System.nanoTime() + MAIL_WAIT.toNanos();
		while (received(invitees) < invitees.size() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(received(invitees)).as("invitation emails received").isEqualTo(invitees.size());
		Thread.sleep(2000);
		for (var email : invitees) {
			assertThat(TestMail.messagesTo(email)).as("emails to %s", email).hasSize(1);
		}
	}

	@Test
	void aColleagueDeactivatedOnOneNodeIsSignedOutOnTheOther() throws Exception {
		var email = "admin-" + unique + "@two-nodes.example";
		invite(a, "Ada Admin", email, "ADMIN");
		var path = invitationPath(email);

		// The colleague accepts on node A and signs in on node B.
		var colleague = new Visitor();
		var invitation = colleague.get(a, path);
		assertThat(invitation.statusCode()).as(describe(invitation)).isEqualTo(200);
		var accepted = colleague.post(a, path, form("_csrf", csrf(invitation), "name", "Ada Admin", "password",
				COLLEAGUE_PASSWORD, "confirm", COLLEAGUE_PASSWORD));
		assertRedirect(accepted, "/signin?joined");
		signIn(colleague, b, email, COLLEAGUE_PASSWORD);
		var me = colleague.get(b, "/api/v1/me");
		assertThat(me.statusCode()).as(describe(me)).isEqualTo(200);
		assertThat(me.body()).contains("\"email\":\"" + email + "\"", "\"role\":\"ADMIN\"");
		var id = find(JSON_ID, me.body(), "the colleague's id");

		// The Owner deactivates them on node A.
		var staffPage = owner.get(a, "/app/staff");
		assertThat(staffPage.statusCode()).as(describe(staffPage)).isEqualTo(200);
		var deactivated = owner.post(a, "/app/staff/" + id + "/deactivate", form("_csrf", csrf(staffPage)));
		assertRedirect(deactivated, "/app/staff");
		var after = owner.get(a, "/app/staff");
		assertThat(after.body()).contains("Ada Admin is deactivated and has been signed out everywhere.");

		// Their very next request on node B finds them signed out.
		var next = colleague.get(b, "/app");
		assertThat(next.statusCode()).as(describe(next)).isEqualTo(302);
		assertThat(location(next)).contains("/signin");
		assertThat(colleague.get(b, "/api/v1/me").statusCode()).isEqualTo(401);

		// And they cannot sign in again, on either node.
		var again = new Visitor();
		var signInPage = again.get(b, "/signin");
		var refused = again.post(b, "/signin", form("_csrf", csrf(signInPage), "email", email, "password",
				COLLEAGUE_PASSWORD));
		assertRedirect(refused, "/signin?error=deactivated");
	}

	/** Properties as command-line arguments: they must win over application.properties (the builder's would not). */
	private ConfigurableApplicationContext start(String name, String database) {
		var properties = new LinkedHashMap<String, Object>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", database);
		properties.put("spring.datasource.username", TestDatabase.user());
		properties.put("spring.datasource.password", TestDatabase.password());
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", TestMail.server().getSmtp().getPort());
		properties.put("atrium.mail.dispatch-interval", "200ms");
		properties.put("atrium.jobs.polling-interval", "200ms");
		properties.put("atrium.documents.folder", documents.resolve(name).toString());
		properties.put("spring.jmx.enabled", "false");
		properties.put("spring.application.admin.enabled", "false");
		var arguments = properties.entrySet()
			.stream()
			.map(p -> "--" + p.getKey() + "=" + p.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(AtriumApplication.class).bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.run(arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private void invite(Node node, String name, String email, String role) throws Exception {
		var page = owner.get(node, "/app/staff");
		assertThat(page.statusCode()).as(describe(page)).isEqualTo(200);
		var invited = owner.post(node, "/app/staff/invite", form("_csrf", csrf(page), "name", name, "email", email,
				"role", role));
		assertRedirect(invited, "/app/staff");
	}

	private void signIn(Visitor visitor, Node node, String email, String password) throws Exception {
		var page = visitor.get(node, "/signin");
		assertThat(page.statusCode()).as(describe(page)).isEqualTo(200);
		var signedIn = visitor.post(node, "/signin", form("_csrf", csrf(page), "email", email, "password", password));
		assertRedirect(signedIn, "/app");
	}

	private static int received(List<String> addresses) {
		return addresses.stream().mapToInt(address -> TestMail.messagesTo(address).size()).sum();
	}

	private static String invitationPath(String email) throws MessagingException, IOException {
		var messages = TestMail.awaitMessages(email, 1, MAIL_WAIT);
		assertThat(messages).as("invitation email to %s", email).hasSize(1);
		var text = new StringBuilder();
		collectText(messages.get(0), text);
		return find(INVITATION_PATH, text, "an /invitation/ link in the email");
	}

	private static void collectText(Part part, StringBuilder text) throws MessagingException, IOException {
		if (part.isMimeType("text/*")) {
			text.append(part.getContent()).append('\n');
		}
		else if (part.isMimeType("multipart/*")) {
			var multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collectText(multipart.getBodyPart(i), text);
			}
		}
	}

	private static String csrf(HttpResponse<String> page) {
		var input = CSRF_INPUT.matcher(page.body());
		if (input.find()) {
			return input.group(1);
		}
		return find(CSRF_META, page.body(), "a CSRF token on " + page.uri());
	}

	private static String find(Pattern pattern, CharSequence text, String what) {
		var matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in:%n%s", what, text).isTrue();
		return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
	}

	private static void assertRedirect(HttpResponse<String> response, String target) {
		assertThat(response.statusCode()).as(describe(response)).isEqualTo(302);
		var location = location(response);
		assertThat(location.startsWith(target) || location.contains("//" + URI.create(location).getAuthority() + target))
			.as("redirect to %s, got %s", target, location)
			.isTrue();
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String describe(HttpResponse<String> response) {
		return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
				+ response.headers().firstValue("Location").orElse("") + "\n" + response.body();
	}

	private static Map<String, String> form(String... pairs) {
		var form = new LinkedHashMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	private record Node(String name, int port) {

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}
	}

	/** One person's browser, reduced to its cookies; the same cookies go to whichever node is asked. */
	private final class Visitor {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
			return send(request(node, path).GET());
		}

		HttpResponse<String> post(Node node, String path, Map<String, String> form)
				throws IOException, InterruptedException {
			var body = form.entrySet()
				.stream()
				.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
			return send(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpRequest.Builder request(Node node, String path) {
			var request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30));
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; ")));
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (var header : response.headers().allValues("Set-Cookie")) {
				var pair = header.split(";", 2)[0];
				var name = pair.substring(0, pair.indexOf('=')).strip();
				var value = pair.substring(pair.indexOf('=') + 1).strip();
				if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}

		private String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}
}

package io.atrium;

import static io.atrium.TwoNodes.assertRedirect;
import static io.atrium.TwoNodes.csrf;
import static io.atrium.TwoNodes.describe;
import static io.atrium.TwoNodes.find;
import static io.atrium.TwoNodes.form;
import static io.atrium.TwoNodes.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;

import io.atrium.TwoNodes.Node;
import io.atrium.TwoNodes.Visitor;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.document.storage.S3ProxyServer;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.RateLimits;
import io.atrium.portal.PortalFixtures;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * Two complete Atrium nodes on one PostgreSQL database and one S3-compatible store, as in production behind a load
 * balancer: a session started on one node is good on the other, the outbox is delivered once although both nodes
 * run the delivery job, a deactivation or a portal revoke on one node ends the session on the other, a document
 * uploaded to one node downloads from the other, and the sign-in budget per address is one for both. Talks plain
 * HTTP, as a browser would.
 */
@TestInstance(Lifecycle.PER_CLASS)
class TwoNodesTest {

	private static final String OWNER_PASSWORD = "mellow tangerine harbor lamp";
	private static final String COLLEAGUE_PASSWORD = "purple elephants juggle quietly";
	private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
	/** Low, so that the shared budget is spent quickly; the other tests sign in from 127.0.0.1 a few times only. */
	private static final int SIGN_INS_PER_MINUTE = 12;
	private static final Pattern INVITATION_PATH = Pattern.compile("/invitation/[A-Za-z0-9_-]{43}");
	private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	private final String unique = UUID.randomUUID().toString().substring(0, 8);
	private final String ownerEmail = "owner-" + unique + "@two-nodes.example";

	private String skipped;
	private S3ProxyServer s3;
	private TwoNodes nodes;
	private ConfigurableApplicationContext nodeA;
	private ConfigurableApplicationContext nodeB;
	private Node a;
	private Node b;
	private Visitor owner;

	@BeforeAll
	void startTwoNodesAndSetUpTheFirm() throws Exception {
		s3 = S3ProxyServer.start();
		s3.createBucket("docs");
		var store = s3.properties("docs");
		var key = new byte[32];
		new SecureRandom().nextBytes(key);
		var properties = new LinkedHashMap<String, Object>();
		properties.put("atrium.documents.store", "s3");
		properties.put("atrium.documents.s3.endpoint", store.endpoint());
		properties.put("atrium.documents.s3.region", store.region());
		properties.put("atrium.documents.s3.bucket", store.bucket());
		properties.put("atrium.documents.s3.access-key", store.accessKey());
		properties.put("atrium.documents.s3.secret-key", store.secretKey());
		properties.put("atrium.documents.s3.path-style", "true");
		properties.put("atrium.documents.encryption.keys.k1", Base64.getEncoder().encodeToString(key));
		properties.put("atrium.documents.encryption.active-key", "k1");
		properties.put("atrium.security.sign-in.per-ip-per-minute", SIGN_INS_PER_MINUTE);
		try {
			nodes = TwoNodes.start(properties);
		}
		catch (TestAbortedException e) {
			// Skipped test by test (below), so that the report shows them skipped and why, not missing.
			skipped = e.getMessage();
			return;
		}
		nodeA = nodes.contextA();
		nodeB = nodes.contextB();
		a = nodes.a();
		b = nodes.b();

		// First-run setup through node A.
		var setupVisitor = nodes.visitor();
		var setupPage = setupVisitor.get(a, "/setup");
		assertThat(setupPage.statusCode()).isEqualTo(200);
		var created = setupVisitor.post(a, "/setup", form("_csrf", csrf(setupPage), "firmName", "Two Nodes & Co",
				"slug", "two-nodes-" + unique, "ownerName", "Olive Owner", "email", ownerEmail, "password",
				OWNER_PASSWORD));
		assertRedirect(created, "/signin?welcome");

		owner = nodes.visitor();
		signIn(owner, a, ownerEmail, OWNER_PASSWORD);
	}

	@BeforeEach
	void requirePostgres() {
		Assumptions.assumeTrue(skipped == null, () -> skipped);
	}

	@AfterAll
	void stopNodes() throws IOException {
		try {
			if (nodes != null) {
				nodes.close();
			}
		}
		finally {
			if (s3 != null) {
				s3.close();
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
		assertThat(nodes.visitor().get(b, "/setup").statusCode()).isEqualTo(404);
		assertThat(nodes.visitor().get(b, "/api/v1/me").statusCode()).isEqualTo(401);
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
		var colleague = nodes.visitor();
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
		var again = nodes.visitor();
		var signInPage = again.get(b, "/signin");
		var refused = again.post(b, "/signin", form("_csrf", csrf(signInPage), "email", email, "password",
				COLLEAGUE_PASSWORD));
		assertRedirect(refused, "/signin?error=deactivated");
	}

	@Test
	void aContactRevokedOnOneNodeIsSignedOutOfThePortalOnTheOther() throws Exception {
		var member = portal().aMember(PortalRole.OWNER);
		var contact = nodes.visitor();
		var page = contact.get(a, member.path("/signin"));
		assertThat(page.statusCode()).as(describe(page)).isEqualTo(200);
		var signedIn = contact.post(a, member.path("/signin"), form("_csrf", csrf(page), "email", member.email(),
				"password", member.password()));
		assertRedirect(signedIn, member.path("/"));
		var home = contact.get(b, member.path("/"));
		assertThat(home.statusCode()).as(describe(home)).isEqualTo(200);

		// Staff revoke the contact's access on node A; the contact's next request, on node B, is refused.
		nodeA.getBean(PortalAccessManagement.class)
			.revoke(member.firm().owner(), member.client().id(), member.contact().id());

		var next = contact.get(b, member.path("/"));
		assertRedirect(next, member.path("/signin?ended"));
		assertRedirect(contact.get(a, member.path("/")), member.path("/signin"));
	}

	@Test
	void aDocumentUploadedToOneNodeDownloadsFromTheOther() throws Exception {
		var member = portal().aMember(PortalRole.OWNER);
		var staff = nodes.visitor();
		signIn(staff, a, member.firm().owner().email(), StaffFixtures.PASSWORD);
		var tab = "/app/clients/" + member.client().id() + "/documents";
		var page = staff.get(a, tab);
		assertThat(page.statusCode()).as(describe(page)).isEqualTo(200);
		var content = pdf(200_000);

		var created = staff.upload(a, tab + "?visibility=CLIENT", "Ledger 2025.pdf", content, csrf(page));
		assertThat(created.statusCode()).as(describe(created)).isEqualTo(201);
		var id = find(JSON_ID, created.body(), "the document's id");

		var whole = staff.getBytes(b, "/app/documents/" + id + "/download");
		assertThat(whole.statusCode()).as(describe(whole)).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(content);
		var range = staff.getBytes(b, "/app/documents/" + id + "/download", "Range", "bytes=100000-100099");
		assertThat(range.statusCode()).as(describe(range)).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 100_000, 100_100));

		// Neither node kept the file: both read it from the shared store.
		try (var files = Files.walk(nodes.folder())) {
			assertThat(files.filter(Files::isRegularFile)).as("files the nodes wrote locally").isEmpty();
		}
	}

	@Test
	void signInsSpreadOverBothNodesSpendOneBudgetPerAddress() throws Exception {
		// As the load balancer tells the nodes (X-Forwarded-For): one address of its own, untouched by the others.
		var address = "203.0.113." + (1 + new SecureRandom().nextInt(250));
		var visitor = nodes.visitor().withHeader("X-Forwarded-For", address);
		for (int i = 0; i < SIGN_INS_PER_MINUTE; i++) {
			var node = i % 2 == 0 ? a : b;
			var page = visitor.get(node, "/signin");
			var failed = visitor.post(node, "/signin", form("_csrf", csrf(page), "email",
					"nobody-" + i + "-" + unique + "@two-nodes.example", "password", "wrong guess " + i));
			assertRedirect(failed, "/signin?error=invalid");
		}

		// Each node has seen half the budget; together they have spent it.
		for (var node : List.of(a, b)) {
			var page = visitor.get(node, "/signin");
			var refused = visitor.post(node, "/signin", form("_csrf", csrf(page), "email", ownerEmail, "password",
					OWNER_PASSWORD));
			assertThat(refused.statusCode()).as(describe(refused)).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
		}
		assertThat(nodeA.getBean(RateLimits.class).shared()).isTrue();

		// Other addresses keep their own budgets.
		signIn(nodes.visitor().withHeader("X-Forwarded-For", "198.51.100.7"), b, ownerEmail, OWNER_PASSWORD);
	}

	private PortalFixtures portal() {
		return new PortalFixtures(nodeA.getBean(StaffManagement.class), nodeA.getBean(FirmManagement.class),
				nodeA.getBean(ClientManagement.class), nodeA.getBean(PortalAccessManagement.class));
	}

	/** A PDF as the upload checks want it, padded to about {@code size} bytes that differ from one call to the next. */
	private static byte[] pdf(int size) {
		var padding = new StringBuilder();
		var random = new SecureRandom();
		while (padding.length() < size) {
			padding.append("% ").append(Long.toHexString(random.nextLong())).append('\n');
		}
		return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" + padding
				+ "trailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
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
}

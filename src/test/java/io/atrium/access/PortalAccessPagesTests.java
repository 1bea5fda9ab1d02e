package io.atrium.access;

import static io.atrium.access.AccessFixtures.aClientWithContact;
import static io.atrium.access.AccessFixtures.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.TestMail;
import io.atrium.client.ClientFixtures;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** The Portal tab and Settings → Client portal over real HTTP, and the emails they send (GreenMail). */
class PortalAccessPagesTests extends AtriumIntegrationTest {

	private static final Pattern PASSWORD = Pattern.compile("id=\"credentials-password\"[^>]*value=\"([^\"]+)\"");
	private static final Duration MAIL_WAIT = Duration.ofSeconds(20);

	private final PortalAccessManagement access;
	private final ClientManagement clients;
	private final StaffManagement staff;
	private final FirmManagement firms;
	private final ApplicationContext context;
	private final JdbcClient jdbc;

	@Autowired
	PortalAccessPagesTests(PortalAccessManagement access, ClientManagement clients, StaffManagement staff,
			FirmManagement firms, ApplicationContext context, JdbcClient jdbc) {
		this.access = access;
		this.clients = clients;
		this.staff = staff;
		this.firms = firms;
		this.context = context;
		this.jdbc = jdbc;
	}

	StaffPrincipal owner;
	String slug;
	TestHttp browser;

	@BeforeEach
	void signedInOwner() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		slug = firms.get(owner.firm()).slug();
		browser = visitor();
		assertThat(browser.signIn(owner.email(), StaffFixtures.PASSWORD).statusCode()).isEqualTo(302);
	}

	@Test
	void theClientPageHasAPortalTabLoadedWithHtmx() {
		var c = aClientWithContact(clients, owner);
		var page = browser.get("/app/clients/" + c.client() + "?tab=portal");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"tab-portal\"", "hx-get=\"/app/clients/" + c.client() + "/portal\"",
				"hx-trigger=\"load\"");

		var fragment = htmx("/app/clients/" + c.client() + "/portal");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html").contains("id=\"portal-access\"", c.email(),
				"No portal access", "Invite to portal");

		var full = browser.get("/app/clients/" + c.client() + "/portal");
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.body()).contains("<html", "id=\"portal-access\"", c.email());
	}

	@Test
	void invitingSendsTheInvitationEmail() throws Exception {
		var c = aClientWithContact(clients, owner);
		var firmName = firms.get(owner.firm()).name();
		var tab = "/app/clients/" + c.client() + "/portal";
		var sent = browser.submit(tab, tab + "/" + c.contact() + "/invite",
				form("role", "EDITOR", "note", "Hi Jordan — please use this link to upload your tax documents."));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/app/clients/" + c.client() + "?tab=portal");
		assertThat(browser.get("/app/clients/" + c.client() + "?tab=portal").body()).contains("Invitation sent to");

		var mail = TestMail.awaitMessages(c.email(), 1, MAIL_WAIT);
		assertThat(mail).hasSize(1);
		var message = mail.get(0);
		assertThat(message.getSubject()).isEqualTo("You've been invited to " + firmName + "'s client portal");
		var link = TestMail.link(message, "/p/" + slug + "/invite/");
		assertThat(link).matches("/p/" + Pattern.quote(slug) + "/invite/[A-Za-z0-9_-]{43}");
		assertThat(TestMail.text(message)).contains("Set your password", "Hi Jordan — please use this link",
				"as Editor", "expires in 2 days", firmName);
		assertThat(TestMail.html(message)).contains("Set your password", "Hi Jordan — please use this link",
				link + "\"");
		var token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);

		// audited, without the token
		var audit = jdbc.sql("select actor_label, summary from audit_event where firm_id = :firm and action = 'portal.invited'")
			.param("firm", owner.firm().value())
			.query((rs, n) -> rs.getString("actor_label") + " " + rs.getString("summary"))
			.list();
		assertThat(audit).singleElement().satisfies(entry -> {
			assertThat(entry).startsWith(owner.email()).contains(c.email(), "Editor").doesNotContain(token);
		});
	}

	@Test
	void magicLinkAndResetEmailsCarryTheirLinks() {
		var c = aClientWithContact(clients, owner);
		var password = access.enableWithGeneratedPassword(owner, c.client(), c.contact(), PortalRole.OWNER);
		assertThat(password).isNotBlank();
		access.requestMagicLink(slug, c.email());
		var magic = TestMail.awaitMessages(c.email(), 1, MAIL_WAIT);
		assertThat(magic).hasSize(1);
		assertThat(subject(magic.get(0))).contains("sign-in link");
		assertThat(TestMail.link(magic.get(0), "/p/" + slug + "/link/")).matches(".*/link/[A-Za-z0-9_-]{43}");
		assertThat(TestMail.text(magic.get(0))).contains("Go to client portal", "7 days");
		assertThat(TestMail.html(magic.get(0))).contains("Go to client portal");

		access.requestPasswordReset(slug, c.email());
		var both = TestMail.awaitMessages(c.email(), 2, MAIL_WAIT);
		assertThat(both).hasSize(2);
		var reset = both.stream().filter(m -> subject(m).startsWith("Reset your password")).findFirst().orElseThrow();
		assertThat(TestMail.link(reset, "/p/" + slug + "/password/reset/")).matches(".*/reset/[A-Za-z0-9_-]{43}");
		assertThat(TestMail.text(reset)).doesNotContain(password);
	}

	@Test
	void aGeneratedPasswordIsShownOnceAndNeverCached() {
		var c = aClientWithContact(clients, owner);
		var tab = "/app/clients/" + c.client() + "/portal";
		var response = browser.submit(tab, tab + "/" + c.contact() + "/password", form("role", "VIEWER"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(response.body()).contains("Portal credentials", "data-copy=\"#credentials-password\"",
				"data-copy=\"#credentials-email\"", c.email(), "/p/" + slug);
		var matcher = PASSWORD.matcher(response.body());
		assertThat(matcher.find()).isTrue();
		var password = matcher.group(1);
		assertThat(access.signIn(slug, c.email(), password)).get()
			.extracting(s -> s.memberships().get(0).role()).isEqualTo(PortalRole.VIEWER);

		var again = browser.get(tab);
		assertThat(again.body()).doesNotContain(password).contains("Enabled");

		var reset = browser.submit(tab, tab + "/" + c.contact() + "/reset-password", Map.of());
		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat(reset.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		var second = PASSWORD.matcher(reset.body());
		assertThat(second.find()).isTrue();
		assertThat(second.group(1)).isNotEqualTo(password);
		assertThat(access.signIn(slug, c.email(), password)).isEmpty();
	}

	@Test
	void badInputIsAClearErrorWithTheFormKept() {
		var c = aClientWithContact(clients, owner);
		var tab = "/app/clients/" + c.client() + "/portal";
		var unknownRole = browser.submit(tab, tab + "/" + c.contact() + "/invite", form("role", "SUPERUSER", "note", "keep me"));
		assertThat(unknownRole.statusCode()).isEqualTo(422);
		assertThat(unknownRole.body()).contains("Choose a portal role from the list.", "keep me").doesNotContain("Exception");

		var longNote = browser.submit(tab, tab + "/" + c.contact() + "/invite", form("role", "OWNER", "note", "z".repeat(100 * 1024)));
		assertThat(longNote.statusCode()).isEqualTo(422);
		assertThat(longNote.body()).contains("The personal note is too long");

		var noEmailClient = clients.create(owner, ClientFixtures.anIndividual("No email client")).id();
		var noEmail = AccessFixtures.aContact(clients, owner, noEmailClient, "Pat NoEmail", null);
		var noEmailTab = "/app/clients/" + noEmailClient + "/portal";
		assertThat(browser.get(noEmailTab).body()).contains("Add an email address to this contact", "disabled");
		var refused = browser.submit(noEmailTab, noEmailTab + "/" + noEmail + "/invite", form("role", "OWNER"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("This contact has no email address.");

		var revokeNothing = browser.submit(tab, tab + "/" + c.contact() + "/revoke", Map.of());
		assertThat(revokeNothing.statusCode()).isEqualTo(422);
		assertThat(revokeNothing.body()).contains("This contact has no portal access.");

		assertThat(browser.submit(tab, "/app/clients/not-a-uuid/portal/" + c.contact() + "/invite", form("role", "OWNER"))
			.statusCode()).isEqualTo(404);
		assertThat(browser.submit(tab, tab + "/not-a-uuid/invite", form("role", "OWNER")).statusCode()).isEqualTo(404);
		assertThat(browser.post(tab + "/" + java.util.UUID.randomUUID() + "/invite", form("role", "OWNER")).statusCode())
			.isEqualTo(404);
		assertThat(browser.postWithoutCsrf(tab + "/" + c.contact() + "/invite", form("role", "OWNER")).statusCode())
			.isEqualTo(403);
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
	}

	@Test
	void withoutThePermissionTheTabIsForbiddenAndInvisibleClientsAreNotFound() {
		var c = aClientWithContact(clients, owner);
		var viewer = StaffFixtures.aMember(context, owner, Set.of(Permission.VIEW_CLIENTS, Permission.ACCESS_ALL_CLIENTS), null);
		var theirBrowser = visitor();
		theirBrowser.signIn(viewer.email(), StaffFixtures.PASSWORD);
		var tab = "/app/clients/" + c.client() + "/portal";
		assertThat(theirBrowser.get(tab).statusCode()).isEqualTo(403);
		assertThat(theirBrowser.get("/app/clients/" + c.client() + "?tab=portal").body()).doesNotContain("id=\"tab-portal\"");
		theirBrowser.get("/app/clients/" + c.client());
		assertThat(theirBrowser.post(tab + "/" + c.contact() + "/invite", form("role", "OWNER")).statusCode()).isEqualTo(403);
		assertThat(theirBrowser.get("/app/settings/portal").statusCode()).isEqualTo(403);

		var unassigned = StaffFixtures.aMember(context, owner, Set.of(Permission.VIEW_CLIENTS, Permission.MANAGE_PORTAL_ACCESS), null);
		var third = visitor();
		third.signIn(unassigned.email(), StaffFixtures.PASSWORD);
		assertThat(third.get(tab).statusCode()).isEqualTo(404);

		var stranger = StaffFixtures.aFirmWithOwner(staff);
		var strangerBrowser = visitor();
		strangerBrowser.signIn(stranger.email(), StaffFixtures.PASSWORD);
		assertThat(strangerBrowser.get(tab).statusCode()).isEqualTo(404);
		strangerBrowser.get("/app/settings/portal");
		assertThat(strangerBrowser.post(tab + "/" + c.contact() + "/password", Map.of()).statusCode()).isEqualTo(404);
		assertThat(visitor().get(tab).statusCode()).as("signed out").isEqualTo(302);
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
	}

	@Test
	void revokeReenableRemoveAndDeleteFromTheTab() {
		var c = aClientWithContact(clients, owner);
		access.enableWithGeneratedPassword(owner, c.client(), c.contact(), PortalRole.OWNER);
		var tab = "/app/clients/" + c.client() + "/portal";
		var base = tab + "/" + c.contact();
		assertThat(browser.submit(tab, base + "/role", form("role", "signer")).statusCode()).isEqualTo(302);
		assertThat(access.access(owner, c.client(), c.contact()).role()).isEqualTo(PortalRole.SIGNER);
		assertThat(browser.submit(tab, base + "/revoke", Map.of()).statusCode()).isEqualTo(302);
		assertThat(browser.get(tab + "?status=disabled").body()).contains(c.email(), "Re-enable");
		assertThat(browser.submit(tab, base + "/reenable", Map.of()).statusCode()).isEqualTo(302);
		assertThat(browser.submit(tab, base + "/remove", Map.of()).statusCode()).isEqualTo(302);
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
		assertThat(browser.submit(tab, base + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(clients.contacts(owner, c.client())).isEmpty();
	}

	@Test
	void settingsPageValidatesAndSaves() {
		var page = browser.get("/app/settings/portal");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"signInMethods\"", "value=\"48\"", "value=\"7\"", "value=\"30\"");

		var tooLong = browser.submit("/app/settings/portal", "/app/settings/portal", form("signInMethods", "BOTH",
				"invitationLifetimeHours", "721", "magicLinkLifetimeDays", "7", "idleTimeoutMinutes", "30"));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("Enter a whole number of hours from 1 to 720.", "value=\"721\"");

		var notANumber = browser.submit("/app/settings/portal", "/app/settings/portal", form("signInMethods", "BOTH",
				"invitationLifetimeHours", "48", "magicLinkLifetimeDays", "seven", "idleTimeoutMinutes", "30"));
		assertThat(notANumber.statusCode()).isEqualTo(422);

		var unknownMethod = browser.submit("/app/settings/portal", "/app/settings/portal", form("signInMethods", "SMOKE",
				"invitationLifetimeHours", "48", "magicLinkLifetimeDays", "7", "idleTimeoutMinutes", "30"));
		assertThat(unknownMethod.statusCode()).isEqualTo(422);
		assertThat(access.settings(owner.firm())).isEqualTo(PortalSettings.DEFAULTS);

		var saved = browser.submit("/app/settings/portal", "/app/settings/portal", form("signInMethods", "MAGIC_LINK",
				"invitationLifetimeHours", "72", "magicLinkLifetimeDays", "3", "idleTimeoutMinutes", "60"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(access.settings(owner.firm())).isEqualTo(new PortalSettings(SignInMethods.MAGIC_LINK, 72, 3, 60));
		assertThat(browser.get("/app/settings/portal").body()).contains("Client portal settings saved.");
	}

	private HttpResponse<String> htmx(String path) {
		try {
			var request = HttpRequest.newBuilder(URI.create(browser.base() + path))
				.header("HX-Request", "true")
				.header("Cookie", "ATRIUM_SESSION=" + browser.cookie("ATRIUM_SESSION"))
				.GET()
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String subject(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}

package io.atrium.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.BrowserTest;
import io.atrium.TestMail;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** What a client contact does in the portal, in a real browser, with the real emails. */
class PortalBrowserTest extends BrowserTest {

	private static final Duration MAIL_WAIT = Duration.ofSeconds(15);
	private static final By HEADING = By.tagName("h1");
	private static final By SUBMIT = By.cssSelector("main form button[type=submit]");

	private final PortalAccessManagement access;
	private final PortalFixtures fixtures;

	@Autowired
	PortalBrowserTest(StaffManagement staff, FirmManagement firms, ClientManagement clients, PortalAccessManagement access) {
		this.access = access;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	@Test
	void anInvitedContactSetsAPasswordAndLandsInThePortal() {
		var firm = fixtures.aFirm();
		var client = fixtures.client(firm, "Harbor Bakery LLC");
		var email = StaffFixtures.uniqueEmail("jordan");
		var contact = fixtures.contact(firm, client, "Jordan Baker", email);
		access.invite(firm.owner(), client.id(), contact.id(), PortalRole.OWNER, "Hi Jordan, welcome!");

		var mails = TestMail.awaitMessages(email, 1, MAIL_WAIT);
		assertThat(mails).hasSize(1);
		open(TestMail.link(mails.get(0), "/p/"));
		waitForText(HEADING, "Welcome to " + firm.view().name());
		type(By.id("password"), "short");
		type(By.id("confirm"), "short");
		click(SUBMIT);
		waitForText(By.cssSelector(".field-error"), "longer password");
		type(By.id("password"), "sunny harbor pretzel");
		type(By.id("confirm"), "sunny harbor pretzel");
		click(SUBMIT);

		waitForText(HEADING, "Welcome, Jordan Baker");
		assertThat(waitFor(By.cssSelector("main .notice")).getText()).contains("Your password is set");
		assertThat(waitFor(By.cssSelector(".client-name")).getText()).isEqualTo("Harbor Bakery LLC");
		assertThat(waitFor(By.cssSelector(".role")).getText()).isEqualTo("Owner");
		assertThat(waitFor(By.cssSelector("header .brand")).getText()).contains(firm.view().name());
	}

	@Test
	void aSignInLinkOpensAConfirmPageWhoseButtonSignsIn() {
		var member = fixtures.aMember(PortalRole.VIEWER);
		open(member.path("/signin"));
		waitForText(HEADING, "Sign in to " + member.firm().view().name());
		type(By.id("link-email"), member.email());
		click(By.cssSelector("form[action$='/signin/link'] button[type=submit]"));
		waitForText(HEADING, "Check your email");

		var mails = TestMail.awaitMessages(member.email(), 1, MAIL_WAIT);
		assertThat(mails).hasSize(1);
		open(TestMail.link(mails.get(0), "/p/"));
		waitForText(HEADING, "Continue to " + member.firm().view().name());
		click(SUBMIT);

		waitForText(HEADING, "Welcome, Casey Contact");
		assertThat(waitFor(By.cssSelector(".role-summary")).getText())
			.isEqualTo("You can see and download what your firm shares with you.");

		click(By.cssSelector("header form button[type=submit]"));
		waitForText(By.cssSelector("main .notice"), "You have signed out.");
	}

	@Test
	void aContactSignsInWithTheFirmsGeneratedPassword() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		open(member.path("/signin"));
		type(By.id("email"), member.email());
		type(By.id("password"), "not the password");
		click(By.cssSelector("form[action$='/signin'] button[type=submit]"));
		waitForText(By.cssSelector("main .problem"), "do not match");
		assertThat(waitFor(By.id("email")).getDomProperty("value")).isEqualTo(member.email());
		type(By.id("password"), member.password());
		click(By.cssSelector("form[action$='/signin'] button[type=submit]"));
		waitForText(HEADING, "Welcome, Casey Contact");
		assertThat(waitFor(By.cssSelector(".role")).getText()).isEqualTo("Editor");
	}

	@Test
	void anOwnerInvitesABookkeeperAsEditorFromThePeoplePage() {
		var owner = fixtures.aMember(PortalRole.OWNER);
		var bookkeeperEmail = StaffFixtures.uniqueEmail("bookkeeper");
		fixtures.contact(owner.firm(), owner.client(), "Bea Bookkeeper", bookkeeperEmail);
		open(owner.path("/signin"));
		type(By.id("email"), owner.email());
		type(By.id("password"), owner.password());
		click(By.cssSelector("form[action$='/signin'] button[type=submit]"));
		waitForText(HEADING, "Welcome, Casey Contact");

		click(By.cssSelector("header nav a[href$='/people']"));
		waitForText(HEADING, "People");
		new Select(waitFor(By.id("contact"))).selectByVisibleText("Bea Bookkeeper (" + bookkeeperEmail + ")");
		new Select(waitFor(By.id("invite-role"))).selectByValue("EDITOR");
		type(By.id("note"), "Hi Bea, please upload the bank statements.");
		click(By.cssSelector("form[action$='/people/invite'] button.primary"));
		waitForText(By.cssSelector("main .notice"), "An invitation was sent to Bea Bookkeeper.");
		assertThat(waitFor(By.cssSelector("table.people")).getText()).contains("Bea Bookkeeper", "Editor", "Invited");

		var mails = TestMail.awaitMessages(bookkeeperEmail, 1, MAIL_WAIT);
		assertThat(mails).hasSize(1);
		clearCookies();
		open(TestMail.link(mails.get(0), "/p/"));
		type(By.id("password"), "ledger lantern oak");
		type(By.id("confirm"), "ledger lantern oak");
		click(SUBMIT);
		waitForText(HEADING, "Welcome, Bea Bookkeeper");
		assertThat(waitFor(By.cssSelector(".role")).getText()).isEqualTo("Editor");
		assertThat(browser().findElements(By.cssSelector("header nav a[href$='/people']"))).isEmpty();
	}
}

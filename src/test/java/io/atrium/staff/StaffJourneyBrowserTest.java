package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import io.atrium.BrowserTest;
import io.atrium.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The first hour of a firm on Atrium, in a browser: set up the firm, sign in as its Owner, invite a colleague, who
 * joins from the emailed link, signs in and out. Setup works once per database, so this class has a context (and a
 * database) of its own.
 */
@TestPropertySource(properties = "atrium.test.context=staff-journey")
class StaffJourneyBrowserTest extends BrowserTest {

	private static final String PASSWORD = "mellow tangerine harbor lamp";
	private static final String COLLEAGUE_PASSWORD = "purple elephants juggle quietly";
	private static final Pattern INVITATION_PATH = Pattern.compile("/invitation/[A-Za-z0-9_-]{43}");

	private static final By SUBMIT = By.cssSelector("main form button[type=submit]");
	private static final By HEADING = By.tagName("h1");
	private static final By NOTICE = By.cssSelector("main .notice");

	@Test
	void ownerSetsUpTheFirmAndInvitesAColleagueWhoJoinsSignsInAndOut() throws Exception {
		var unique = UUID.randomUUID().toString().substring(0, 8);
		var ownerEmail = "sam-" + unique + "@reyes-partners.example";
		var colleagueEmail = "dana-" + unique + "@reyes-partners.example";

		// First run: the setup page creates the firm and its Owner.
		open("/setup");
		waitForText(HEADING, "Set up Atrium");
		type(By.id("firmName"), "Reyes & Partners");
		type(By.id("slug"), "reyes-" + unique);
		type(By.id("ownerName"), "Sam Reyes");
		type(By.id("email"), ownerEmail);
		type(By.id("password"), PASSWORD);
		click(SUBMIT);

		waitForText(NOTICE, "Your firm is ready.");
		assertThat(waitFor(HEADING).getText()).isEqualTo("Sign in");
		assertThat(waitFor(By.id("email")).getDomProperty("value")).isEqualTo(ownerEmail);

		// The Owner signs in and lands on the firm's home page.
		type(By.id("password"), PASSWORD);
		click(SUBMIT);
		waitForText(HEADING, "Hello, Sam Reyes");
		assertThat(waitFor(By.cssSelector("header .brand")).getText()).contains("Reyes & Partners");
		assertThat(waitFor(By.cssSelector("main p.muted")).getText()).contains("you are Owner");

		// Staff: the Owner is listed, and invites a colleague as Member.
		click(By.cssSelector("header nav a[href='/app/staff']"));
		waitFor(By.id("staff-table"));
		assertThat(waitFor(HEADING).getText()).isEqualTo("Staff");
		var ownerRow = waitFor(By.cssSelector("#staff-table tr[data-email='" + ownerEmail + "']"));
		assertThat(ownerRow.getText()).contains("Sam Reyes", "Owner", "Active", "you");

		type(By.cssSelector("#invite-form #name"), "Dana Lopez");
		type(By.id("invite-email"), colleagueEmail);
		new Select(waitFor(By.id("invite-role"))).selectByValue("MEMBER");
		click(By.cssSelector("#invite-form button[type=submit]"));

		waitForText(By.cssSelector("main .notice"), "Invitation sent to " + colleagueEmail);
		var colleagueRow = waitFor(By.cssSelector("#staff-table tr[data-email='" + colleagueEmail + "']"));
		assertThat(colleagueRow.getText()).contains("Dana Lopez", "Invited", "never");
		assertThat(colleagueRow.findElement(By.cssSelector("select")).getDomProperty("value")).isEqualTo("MEMBER");

		// The invitation arrives by email, with a link to accept it.
		var messages = TestMail.awaitMessages(colleagueEmail, 1, Duration.ofSeconds(30));
		assertThat(messages).as("invitation email to %s", colleagueEmail).hasSize(1);
		var invitationPath = invitationPath(messages.get(0));

		// The colleague opens the link in their own browser (no session of the Owner's) and joins.
		clearCookies();
		open(invitationPath);
		waitForText(HEADING, "Join your firm on Atrium");
		assertThat(waitFor(By.cssSelector("main p.muted")).getText()).contains(colleagueEmail);
		assertThat(waitFor(By.id("name")).getDomProperty("value")).isEqualTo("Dana Lopez");
		type(By.id("name"), "Dana Lopez-Reyes");
		type(By.id("password"), COLLEAGUE_PASSWORD);
		type(By.id("confirm"), COLLEAGUE_PASSWORD);
		click(SUBMIT);

		waitForText(NOTICE, "Your password is set.");
		assertThat(waitFor(By.id("email")).getDomProperty("value")).isEqualTo(colleagueEmail);
		type(By.id("password"), COLLEAGUE_PASSWORD);
		click(SUBMIT);

		// Signed in as a Member: greeted by name, no staff management in the menu.
		waitForText(HEADING, "Hello, Dana Lopez-Reyes");
		assertThat(waitFor(By.cssSelector("main p.muted")).getText()).contains("you are Member");
		var nav = waitFor(By.cssSelector("header nav"));
		assertThat(nav.getText()).contains("Dana Lopez-Reyes", "Sign out").doesNotContain("Staff");

		// Sign out: back on the sign-in page, and the app is closed again.
		click(By.xpath("//header//button[normalize-space()='Sign out']"));
		waitForText(NOTICE, "You have signed out.");
		assertThat(waitFor(HEADING).getText()).isEqualTo("Sign in");
		assertThat(browser().findElements(By.cssSelector("header nav"))).isEmpty();

		open("/app");
		waitUntil(ExpectedConditions.urlContains("/signin"));
		assertThat(waitFor(HEADING).getText()).isEqualTo("Sign in");
	}

	/** The path of the invitation link, from the plain-text part (or the HTML part) of the email. */
	private static String invitationPath(MimeMessage message) throws MessagingException, IOException {
		var text = new StringBuilder();
		collectText(message, text);
		var link = INVITATION_PATH.matcher(text);
		assertThat(link.find()).as("an /invitation/ link in the email:%n%s", text).isTrue();
		return link.group();
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

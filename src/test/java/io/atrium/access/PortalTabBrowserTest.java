package io.atrium.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.BrowserTest;
import io.atrium.TestMail;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** A staff member gives portal access from the client page's Portal tab, in a real browser. */
class PortalTabBrowserTest extends BrowserTest {

	private final StaffManagement staff;
	private final ClientManagement clients;
	private final FirmManagement firms;
	private final PortalAccessManagement access;

	@Autowired
	PortalTabBrowserTest(StaffManagement staff, ClientManagement clients, FirmManagement firms,
			PortalAccessManagement access) {
		this.staff = staff;
		this.clients = clients;
		this.firms = firms;
		this.access = access;
	}

	@Test
	void anOwnerEnablesAccessWithAGeneratedPasswordAndInvitesAnother() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		var slug = firms.get(owner.firm()).slug();
		var c = AccessFixtures.aClientWithContact(clients, owner);
		var spouseEmail = StaffFixtures.uniqueEmail("spouse");
		AccessFixtures.aContact(clients, owner, c.client(), "Sam Spouse", spouseEmail);
		AccessFixtures.aContact(clients, owner, c.client(), "Pat Without Email", null);

		signInAsStaff(owner.email());
		open("/app/clients/" + c.client() + "?tab=portal");

		// the tab's content arrives by htmx
		var row = By.cssSelector("#portal-table tr[data-contact='" + c.contact() + "']");
		waitForText(row, "No portal access");
		click(By.cssSelector("#portal-table tr[data-contact='" + c.contact() + "'] summary"));
		click(By.cssSelector("#portal-table tr[data-contact='" + c.contact() + "'] form[action$='/password'] button"));

		waitForText(By.id("credentials-title"), "Portal credentials");
		var password = waitFor(By.id("credentials-password")).getDomProperty("value");
		assertThat(waitFor(By.id("credentials-email")).getDomProperty("value")).isEqualTo(c.email());
		assertThat(browser().getCurrentUrl()).doesNotContain(password);
		assertThat(access.signIn(slug, c.email(), password)).isPresent();
		click(By.linkText("Done"));
		waitForText(By.cssSelector("#portal-table tr[data-contact='" + c.contact() + "']"), "Enabled");

		var spouseRow = "#portal-table tr:has(td:nth-child(2))";
		var spouse = browser().findElements(By.cssSelector(spouseRow)).stream()
			.filter(e -> e.getText().contains(spouseEmail)).findFirst().orElseThrow();
		spouse.findElement(By.tagName("summary")).click();
		var invite = spouse.findElement(By.cssSelector("form.invite-form"));
		invite.findElement(By.cssSelector("select[name=role] option[value=SIGNER]")).click();
		invite.findElement(By.tagName("textarea")).sendKeys("Hi Sam, please sign here.");
		invite.findElement(By.cssSelector("button[type=submit]")).click();
		waitForText(By.cssSelector("main .notice"), "Invitation sent to Sam Spouse");

		var mails = TestMail.awaitMessages(spouseEmail, 1, Duration.ofSeconds(20));
		assertThat(mails).hasSize(1);
		assertThat(TestMail.text(mails.get(0))).contains("Hi Sam, please sign here.", "as Signer");
		waitForText(By.cssSelector("#portal-access"), "Invited");

		var noEmail = browser().findElements(By.cssSelector(spouseRow)).stream()
			.filter(e -> e.getText().contains("Pat Without Email")).findFirst().orElseThrow();
		noEmail.findElement(By.tagName("summary")).click();
		assertThat(noEmail.getText()).contains("Add an email address to this contact");
		assertThat(noEmail.findElement(By.cssSelector("button[disabled]")).isEnabled()).isFalse();
	}
}

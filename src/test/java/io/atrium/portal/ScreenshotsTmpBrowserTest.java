package io.atrium.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.BrowserTest;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

class ScreenshotsTmpBrowserTest extends BrowserTest {

	@Autowired StaffManagement staff;
	@Autowired FirmManagement firms;
	@Autowired ClientManagement clients;
	@Autowired PortalAccessManagement access;

	void shot(String name) throws Exception {
		Files.write(Path.of("/tmp/shots/" + name + ".png"), ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void shots() throws Exception {
		Files.createDirectories(Path.of("/tmp/shots"));
		var f = new PortalFixtures(staff, firms, clients, access);
		var firm = f.aFirm();
		firms.rebrand(firm.view().id(), "Reyes & Partners CPA", "#0b7a55");
		var email = StaffFixtures.uniqueEmail("sam");
		var biz = f.client(firm, "Sam's Bakery LLC");
		var me = f.member(firm, biz, "Sam Baker", email, PortalRole.OWNER);
		f.member(firm, f.client(firm, "Sam Baker (personal)"), "Sam Baker", email, PortalRole.VIEWER);
		var last = f.member(firm, biz, "Pat Baker", email, PortalRole.SIGNER);
		f.contact(firm, biz, "Bea Bookkeeper", StaffFixtures.uniqueEmail("bea"));
		var other = f.aFirm();
		f.member(other, f.client(other, "x"), "Sam", email, PortalRole.OWNER);
		for (var size : new Dimension[] { new Dimension(1280, 900), new Dimension(390, 844) }) {
			browser().manage().window().setSize(size);
			clearCookies();
			open(firm.path("/signin"));
			shot("signin-" + size.width);
			type(By.id("email"), email);
			type(By.id("password"), last.password());
			click(By.cssSelector("form[action$='/signin'] button[type=submit]"));
			waitFor(By.cssSelector(".client-name"));
			browser().findElement(By.cssSelector("details.menu summary")).click();
			shot("home-" + size.width);
			for (var b : browser().findElements(By.cssSelector(".switcher li"))) {
				if (b.getText().contains("as Sam Baker")) { b.findElement(By.tagName("button")).click(); break; }
			}
			waitFor(By.cssSelector(".client-name"));
			shot("home2-" + size.width);
			open(firm.path("/people"));
			shot("people-" + size.width);
			open(firm.path("/link/abcdef"));
			shot("link-" + size.width);
		}
	}
}

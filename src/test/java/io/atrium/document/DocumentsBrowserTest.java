package io.atrium.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.atrium.BrowserTest;
import io.atrium.TestMail;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.firm.FirmManagement;
import io.atrium.portal.PortalFixtures;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The document round trip in a real browser: staff share an engagement and request a document, the client's contact
 * uploads it with the page's uploader (progress bar), staff see it answered, with its versions and who downloaded it
 * with which browser; then a message from the contact, the firm's reply, and the activity emails of both.
 */
class DocumentsBrowserTest extends BrowserTest {

	private static final Duration MAIL_WAIT = Duration.ofSeconds(15);
	private static final By HEADING = By.tagName("h1");
	private static final String TITLE = "2025 W-2 from each employer";

	private final ApplicationContext context;
	private final EngagementManagement engagements;
	private final PortalFixtures fixtures;
	/** The contact's PDF and, in {@code downloads}, what the browser downloads. */
	private Path files;

	@Autowired
	DocumentsBrowserTest(ApplicationContext context, StaffManagement staff, FirmManagement firms,
			ClientManagement clients, PortalAccessManagement access, EngagementManagement engagements) {
		this.context = context;
		this.engagements = engagements;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	@AfterEach
	void deleteFiles() throws IOException {
		if (files != null) {
			try (Stream<Path> all = Files.walk(files)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Test
	void staffRequestAW2TheClientUploadsItStaffSeeItsHistoryAndAMessageGoesBothWaysWithItsEmails() throws Exception {
		var firm = fixtures.aFirm();
		var owner = firm.owner();
		var client = fixtures.client(firm, "Harbor Bakery LLC");
		var member = fixtures.member(firm, client, "Casey Contact", StaffFixtures.uniqueEmail("casey"),
				PortalRole.EDITOR);
		engagements.assignClient(owner, client.id(), AssignmentRole.PREPARER, owner.id());
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		var engagement = engagements.open(owner, client.id(),
				new EngagementDraft("2025 1120S", type, "2025", null, null));
		var due = LocalDate.now().plusDays(30);
		files = Files.createTempDirectory("atrium-documents-browser-");
		var pdf = Files.write(files.resolve("w2-acme-corp.pdf"), minimalPdf());
		var downloads = Files.createDirectory(files.resolve("downloads"));
		((ChromeDriver) browser()).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allowAndName", "downloadPath", downloads.toString()));

		// Staff: share the engagement in the portal and request the W-2
		var staffSession = signInAsStaffForCookies(owner.email());
		open("/app/engagements/" + engagement);
		waitForText(HEADING, "2025 1120S");
		click(By.cssSelector("#engagement-share-form button[type=submit]"));
		waitForText(By.id("engagement-share-state"), "Shared in client portal");
		type(By.id("request-title"), TITLE);
		// a date field's typing order follows the browser's locale; set the ISO value as the date picker would
		var dueField = waitFor(By.id("request-due"));
		js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				dueField, due.toString());
		click(By.cssSelector("#engagement-requests-section form.request-form button[type=submit]"));
		waitForText(By.cssSelector("#engagement-requests-section .notice"), "The client was asked for \"" + TITLE + "\"");
		var requested = waitFor(By.cssSelector("#engagement-requests-section article.request"));
		assertThat(requested.getAttribute("data-status")).isEqualTo("OPEN");
		assertThat(requested.getText()).contains(TITLE, "Waiting for the client", "Due " + due);

		// The contact: the request waits on the home page; upload the PDF on its page
		clearCookies();
		var contactSession = signInToPortal(member);
		var waiting = waitFor(By.cssSelector("#waiting li[data-kind=request]"));
		assertThat(waiting.getText()).contains(TITLE,
				"Due " + due.format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)));
		waiting.findElement(By.tagName("a")).click();
		waitForText(HEADING, TITLE);
		var request = waitFor(By.cssSelector("article.request"));
		assertThat(request.getAttribute("data-status")).isEqualTo("OPEN");
		var requestId = request.getAttribute("data-request");

		recordUploadProgress();
		var picker = browser().findElement(By.id("request-file-" + requestId));
		picker.sendKeys(pdf.toAbsolutePath().toString());
		// the uploader reloads the page once the file is stored: the request is now submitted, with the file
		waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("article.request"), "data-status", "SUBMITTED"));
		var progress = uploadProgress();
		assertThat(progress.get("seen")).as("a <progress> bar was shown").isEqualTo(Boolean.TRUE);
		assertThat(((Number) progress.get("value")).intValue()).as("the bar reached its max")
			.isEqualTo(((Number) progress.get("max")).intValue());
		assertThat(progress.get("status")).isEqualTo("Uploaded");
		assertThat(waitFor(By.cssSelector("article.request .request-status")).getText()).isEqualTo("Sent to the firm");
		var fileLink = waitFor(By.cssSelector("article.request .request-files a"));
		assertThat(fileLink.getText()).isEqualTo(pdf.getFileName().toString());
		var documentId = fileLink.getAttribute("href").replaceAll(".*/documents/([^/]+)/download.*", "$1");
		// the contact downloads it once (the browser keeps the file; the firm sees the download)
		fileLink.click();
		waitUntil(d -> downloaded(downloads).size() == 1);
		assertThat(downloaded(downloads).get(0)).hasSameBinaryContentAs(pdf);
		var userAgent = (String) js("return navigator.userAgent;");

		// Staff: the request is submitted with the file; the document's page shows the upload and the downloads
		switchTo(staffSession);
		open("/app/engagements/" + engagement);
		var answered = waitUntil(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#engagement-requests-section article.request[data-status=SUBMITTED]")));
		assertThat(answered.getText()).contains(TITLE, "Submitted", "Answered by Casey Contact");
		answered.findElement(By.cssSelector(".request-files a")).click();
		waitForText(HEADING, pdf.getFileName().toString());
		assertThat(browser().getCurrentUrl()).endsWith("/app/documents/" + documentId);
		assertThat(waitFor(By.cssSelector("#versions-table tbody tr[data-version='1']")).getText())
			.contains("Casey Contact");
		click(By.cssSelector(".document-links a.button.primary"));
		waitUntil(d -> downloaded(downloads).size() == 2);
		assertThat(downloaded(downloads)).allSatisfy(file -> assertThat(file).hasSameBinaryContentAs(pdf));
		waitUntil(d -> {
			d.navigate().refresh();
			return d.findElements(By.cssSelector("#history-table tbody tr")).size() >= 2;
		});
		var history = browser().findElements(By.cssSelector("#history-table tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(history).anySatisfy(row -> assertThat(row).contains("Casey Contact", "client",
				"Downloaded version 1"));
		assertThat(history).anySatisfy(row -> assertThat(row).contains("Olive Owner", "Downloaded version 1"));
		assertThat(browser().findElements(By.cssSelector("#history-table td.user-agent")))
			.extracting(WebElement::getText)
			.containsOnly(userAgent);

		// The contact sends a request through Messages
		switchTo(contactSession);
		open(member.path("/"));
		click(By.cssSelector("header nav a[href$='/messages']"));
		waitForText(HEADING, "Messages");
		click(By.cssSelector("main a.button.primary[href$='/messages/new']"));
		waitForText(HEADING, "Send a request");
		type(By.id("request-subject"), "Second W-2");
		type(By.id("request-text"), "My second employer sends its W-2 late. Is that a problem?");
		click(By.cssSelector("#send-request button[type=submit]"));
		waitForText(By.cssSelector("main .notice"), firm.view().name());
		waitForText(HEADING, "Second W-2");
		var conversationPath = java.net.URI.create(browser().getCurrentUrl()).getPath();

		// Staff see it unread on the client's Messages tab, open it and reply
		switchTo(staffSession);
		open("/app/clients/" + client.id() + "?tab=messages");
		var unread = waitFor(By.cssSelector("#client-conversations li.conversation.unread"));
		assertThat(unread.getText()).contains("Second W-2", "1 new");
		unread.findElement(By.cssSelector("a.subject")).click();
		waitForText(HEADING, "Second W-2");
		assertThat(waitFor(By.cssSelector("ol.thread li.message.from-client")).getText())
			.contains("Casey Contact", "My second employer sends its W-2 late.");
		type(By.id("reply-text"), "Not at all: upload it when it comes.");
		click(By.cssSelector("#reply button[type=submit]"));
		waitForText(By.cssSelector("ol.thread li.message.from-firm"), "Not at all: upload it when it comes.");
		open("/app/clients/" + client.id() + "?tab=messages");
		waitFor(By.cssSelector("#client-conversations li.conversation"));
		assertThat(browser().findElements(By.cssSelector("#client-conversations li.conversation.unread"))).isEmpty();

		// The contact sees the reply
		switchTo(contactSession);
		open(conversationPath);
		var reply = waitFor(By.cssSelector("ol.thread li.message.from-firm"));
		assertThat(reply.getText()).contains("Olive Owner", "Not at all: upload it when it comes.");

		// Emails: once the activity window has passed, the digests go out
		clock.advance(Duration.ofMinutes(6));
		sendDueDigests();
		var clientSubject = "1 update from Harbor Bakery LLC";
		var toStaff = awaitDigest(owner.email(), clientSubject);
		assertThat(TestMail.text(toStaff)).contains("Casey Contact sent a new request “Second W-2”",
				"My second employer sends its W-2 late.");
		var onCase = awaitDigest(owner.email(), "2 updates from Harbor Bakery LLC on 2025 1120S");
		assertThat(TestMail.text(onCase)).contains("Casey Contact uploaded " + pdf.getFileName(),
				"Casey Contact answered the request “" + TITLE + "”");
		var toContact = awaitDigest(member.email(), "1 update from " + firm.view().name());
		assertThat(TestMail.text(toContact)).contains("Olive Owner replied", "Not at all: upload it when it comes.");
		var caseNews = awaitDigest(member.email(), "2 updates from " + firm.view().name() + " on 2025 1120S");
		assertThat(TestMail.text(caseNews)).contains("2025 1120S is now in your portal", "asks you for “" + TITLE + "”");
	}

	// ---------------------------------------------------------------- helpers

	/** Signs in on the firm's sign-in page; answers the session's cookies. */
	private Set<Cookie> signInAsStaffForCookies(String email) {
		signInAsStaff(email);
		return browser().manage().getCookies();
	}

	/** Signs in on the portal's sign-in page; answers the session's cookies. */
	private Set<Cookie> signInToPortal(PortalFixtures.Member member) {
		open(member.path("/signin"));
		type(By.id("email"), member.email());
		type(By.id("password"), member.password());
		click(By.cssSelector("form[action$='/signin'] button[type=submit]"));
		waitForText(HEADING, "Welcome, " + member.contact().name());
		return browser().manage().getCookies();
	}

	/** The other person takes the browser: only their session's cookies (both stay signed in, as on two devices). */
	private void switchTo(Set<Cookie> session) {
		browser().manage().deleteAllCookies();
		session.forEach(cookie -> browser().manage().addCookie(cookie));
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser()).executeScript(script, args);
	}

	/**
	 * The uploader reloads the page as soon as the file is stored, taking its progress bar with it: watch the bar and
	 * keep what it showed in the tab's session storage, which outlives the reload.
	 */
	private void recordUploadProgress() {
		js("""
				sessionStorage.removeItem('upload-progress');
				var list = document.querySelector('form[data-uploader] [data-progress]');
				new MutationObserver(function () {
				  var bar = list.querySelector('progress');
				  if (!bar) return;
				  var status = list.querySelector('.upload-status');
				  var seen = JSON.parse(sessionStorage.getItem('upload-progress') || '{"value":0}');
				  sessionStorage.setItem('upload-progress', JSON.stringify({seen: true,
				    value: Math.max(seen.value, bar.value), max: bar.max, status: status ? status.textContent : ''}));
				}).observe(list, {subtree: true, childList: true, attributes: true, characterData: true});
				""");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> uploadProgress() {
		var recorded = js("return JSON.parse(sessionStorage.getItem('upload-progress') || '{}');");
		return recorded instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	/** The files the browser finished downloading into {@code folder}. */
	private static List<Path> downloaded(Path folder) {
		try (Stream<Path> all = Files.list(folder)) {
			return all.filter(p -> !p.getFileName().toString().endsWith(".crdownload")).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A small but valid one-page PDF. */
	private static byte[] minimalPdf() {
		var objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
		var pdf = new StringBuilder("%PDF-1.4\n");
		var offsets = new java.util.ArrayList<Integer>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		var xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		offsets.forEach(o -> pdf.append("%010d 00000 n \n".formatted(o)));
		pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref).append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Runs the activity-digests job now, as its recurring task would (the class is the notification module's own;
	 * waiting for the task's 30 s delay would be too slow here).
	 */
	private void sendDueDigests() throws ReflectiveOperationException {
		var type = Class.forName("io.atrium.notification.ActivityDigests");
		var sendDue = type.getDeclaredMethod("sendDue");
		sendDue.setAccessible(true);
		sendDue.invoke(context.getBean(type));
	}

	private static MimeMessage awaitDigest(String address, String subject) {
		var deadline = System.nanoTime() + MAIL_WAIT.toNanos();
		while (true) {
			var found = TestMail.messagesTo(address).stream().filter(m -> subject.equals(subjectOf(m))).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no email \"" + subject + "\" to " + address + "; got "
						+ TestMail.messagesTo(address).stream().map(DocumentsBrowserTest::subjectOf).toList());
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			return "";
		}
	}
}

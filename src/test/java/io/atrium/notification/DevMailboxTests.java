package io.atrium.notification;

import static io.atrium.notification.NotificationFixtures.anInvitation;
import static io.atrium.notification.NotificationFixtures.await;
import static io.atrium.notification.NotificationFixtures.outboxRow;
import static io.atrium.notification.NotificationFixtures.uniqueAddress;
import static io.atrium.notification.NotificationFixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.atrium.TestDatabase;
import io.atrium.TestHttp;
import io.atrium.firm.FirmManagement;

/** No SMTP server configured: email goes to the dev mailbox, which shows it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DevMailboxTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("atrium.mail.dispatch-interval", () -> "100ms");
		registry.add("atrium.jobs.polling-interval", () -> "100ms");
	}

	private final FirmManagement firms;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final DevMailbox mailbox;
	private final TestHttp http;

	@Autowired
	DevMailboxTests(FirmManagement firms, ApplicationEventPublisher events, TransactionTemplate transactions,
			JdbcClient jdbc, DevMailbox mailbox, @LocalServerPort int port) {
		this.firms = firms;
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.mailbox = mailbox;
		this.http = new TestHttp(port);
	}

	@Test
	void showsOutgoingEmailWithItsHtmlUnderARelaxedPolicy() throws Exception {
		assertThat(mailbox.active()).isTrue();
		var firm = firms.create("Mailbox Partners", uniqueSlug());
		var address = uniqueAddress();
		var invitation = anInvitation(firm, address);
		transactions.executeWithoutResult(tx -> events.publishEvent(invitation));
		await(() -> "SENT".equals(outboxRow(jdbc, address).status()), Duration.ofSeconds(10));
		var row = outboxRow(jdbc, address);
		assertThat(row.delivery()).isEqualTo("DEV");

		var list = http.get("/dev/mail");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(address)
			.contains("Sam Owner invited you to join Mailbox Partners on Atrium")
			.contains("/dev/mail/" + row.id());

		var email = http.get("/dev/mail/" + row.id());
		assertThat(email.statusCode()).isEqualTo(200);
		assertThat(email.body()).contains(address).contains("/invitation/" + invitation.token()).contains("Open HTML")
			.contains("/dev/mail/" + row.id() + "/html");

		var html = http.get("/dev/mail/" + row.id() + "/html");
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(html.headers().allValues("Content-Security-Policy")).containsExactly(
				"default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; "
						+ "form-action 'none'; frame-ancestors 'none'");
		assertThat(html.body()).contains("href=\"http://localhost").contains("/invitation/" + invitation.token());
	}

	@Test
	void answersNotFoundForUnknownEmails() throws Exception {
		assertThat(http.get("/dev/mail/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(http.get("/dev/mail/" + UUID.randomUUID() + "/html").statusCode()).isEqualTo(404);
		assertThat(http.get("/dev/mail/not-an-id").statusCode()).isEqualTo(404);
	}

	@Test
	void keepsTheApplicationPolicyOnItsOwnPages() throws Exception {
		var list = http.get("/dev/mail");
		assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).doesNotContain("unsafe-inline"));
	}
}

package io.atrium.notification;

import static io.atrium.notification.NotificationFixtures.anInvitation;
import static io.atrium.notification.NotificationFixtures.await;
import static io.atrium.notification.NotificationFixtures.outboxRow;
import static io.atrium.notification.NotificationFixtures.uniqueAddress;
import static io.atrium.notification.NotificationFixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.atrium.TestDatabase;
import io.atrium.firm.FirmManagement;

/** An SMTP server that is down when the email is written and comes up later: the email is retried, then sent once. */
@SpringBootTest
class SmtpOutageTests {

	private static final int PORT = freePort();
	private static final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("atrium.mail.dispatch-interval", () -> "100ms");
		registry.add("atrium.mail.retry-base", () -> "100ms");
		registry.add("atrium.mail.retry-max", () -> "300ms");
		registry.add("atrium.jobs.polling-interval", () -> "100ms");
	}

	private final FirmManagement firms;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;

	@Autowired
	SmtpOutageTests(FirmManagement firms, ApplicationEventPublisher events, TransactionTemplate transactions,
			JdbcClient jdbc) {
		this.firms = firms;
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@Test
	void retriesWhileTheServerIsDownThenSendsExactlyOnce() throws Exception {
		var firm = firms.create("Outage & Sons", uniqueSlug());
		var address = uniqueAddress();

		transactions.executeWithoutResult(tx -> events.publishEvent(anInvitation(firm, address)));

		await(() -> outboxRow(jdbc, address).attempts() >= 2, Duration.ofSeconds(10));
		var failing = outboxRow(jdbc, address);
		assertThat(failing.status()).isEqualTo("PENDING");
		assertThat(failing.lastError()).isNotBlank().doesNotContain("\n").doesNotContain("\tat ");

		smtp.start();

		await(() -> smtp.getReceivedMessages().length >= 1, Duration.ofSeconds(10));
		await(() -> "SENT".equals(outboxRow(jdbc, address).status()), Duration.ofSeconds(5));
		assertThat(outboxRow(jdbc, address).delivery()).isEqualTo("SMTP");
		Thread.sleep(1000);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package io.atrium.notification;

import static io.atrium.notification.NotificationFixtures.anInvitation;
import static io.atrium.notification.NotificationFixtures.await;
import static io.atrium.notification.NotificationFixtures.outboxRow;
import static io.atrium.notification.NotificationFixtures.uniqueAddress;
import static io.atrium.notification.NotificationFixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.atrium.AtriumIntegrationTest;
import io.atrium.platform.SecureToken;
import io.atrium.TestMail;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPasswordResetRequested;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

class OutboxDeliveryTests extends AtriumIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final FirmManagement firms;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final Outbox outbox;

	@Autowired
	OutboxDeliveryTests(FirmManagement firms, ApplicationEventPublisher events, TransactionTemplate transactions,
			JdbcClient jdbc, Outbox outbox) {
		this.firms = firms;
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	@Test
	void deliversAnInvitationOverSmtpInTheFirmsNameWithTheLink() throws Exception {
		var firm = firms.create("Reyes & <Partners>", uniqueSlug());
		var address = uniqueAddress();
		var invitation = anInvitation(firm, address);

		transactions.executeWithoutResult(tx -> events.publishEvent(invitation));

		var messages = TestMail.awaitMessages(address, 1, WAIT);
		assertThat(messages).hasSize(1);
		var message = messages.get(0);
		assertThat(message.getSubject()).isEqualTo("Sam Owner invited you to join Reyes & <Partners> on Atrium");
		assertThat(message.getFrom()[0].toString()).contains("no-reply@atrium.local");
		var html = part(message, "text/html");
		var text = part(message, "text/plain");
		assertThat(html).contains("Reyes &amp; &lt;Partners&gt;")
			.doesNotContain("<Partners>")
			.contains("/invitation/" + invitation.token())
			.contains("Accept invitation")
			.contains("7 days")
			.contains("background:#1f5fbf");
		assertThat(text).contains("Reyes & <Partners>")
			.contains("Dana Reyes")
			.contains("/invitation/" + invitation.token())
			.contains("7 days");

		await(() -> "SENT".equals(outboxRow(jdbc, address).status()), WAIT);
		var row = outboxRow(jdbc, address);
		assertThat(row.delivery()).isEqualTo("SMTP");
		assertThat(message.getMessageID()).isEqualTo("<" + row.id() + "@localhost>");
	}

	@Test
	void deliversAPasswordResetLinkValidForAnHour() throws Exception {
		var firm = firms.create("Harbor Tax", uniqueSlug());
		var address = uniqueAddress();
		var token = SecureToken.generate().value();
		var reset = new StaffPasswordResetRequested(firm.id(), new StaffId(UUID.randomUUID()), address, "Dana Reyes",
				token, Instant.now().plus(Duration.ofHours(1)));

		transactions.executeWithoutResult(tx -> events.publishEvent(reset));

		var messages = TestMail.awaitMessages(address, 1, WAIT);
		assertThat(messages).hasSize(1);
		var html = part(messages.get(0), "text/html");
		assertThat(html).contains("Choose a new password").contains("/password/reset/" + token).contains("1 hour");
		assertThat(part(messages.get(0), "text/plain")).contains("ignore this email");
	}

	@Test
	void writesNothingWhenTheTransactionRollsBack() throws Exception {
		var firm = firms.create("Rolled Back LLP", uniqueSlug());
		var address = uniqueAddress();

		transactions.executeWithoutResult(tx -> {
			events.publishEvent(anInvitation(firm, address));
			tx.setRollbackOnly();
		});

		assertThat(outboxRow(jdbc, address)).isNull();
		Thread.sleep(1500);
		assertThat(TestMail.messagesTo(address)).isEmpty();
	}

	@Test
	void refusesToWriteAnEmailOutsideATransaction() {
		assertThatThrownBy(() -> outbox.enqueue(null, uniqueAddress(), "Subject", "<p>x</p>", "x"))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void devMailboxIsOffWhenSmtpIsConfigured() throws Exception {
		var firm = firms.create("Smtp Firm", uniqueSlug());
		var address = uniqueAddress();
		transactions.executeWithoutResult(tx -> events.publishEvent(anInvitation(firm, address)));
		var id = outboxRow(jdbc, address).id();

		var visitor = visitor();
		assertThat(visitor.get("/dev/mail").statusCode()).isEqualTo(404);
		assertThat(visitor.get("/dev/mail/" + id).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/dev/mail/" + id + "/html").statusCode()).isEqualTo(404);
	}

	/** The first part of the given type, anywhere in the message's MIME tree. */
	static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				var found = part(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}

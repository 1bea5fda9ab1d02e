package io.atrium.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: SMTP when {@code spring.mail.host} is set, otherwise the dev mailbox (if on) takes the
 * email. Runs as db-scheduler's recurring task {@code outbox-delivery}, which one node at a time executes, so
 * two nodes never send one email. Each email is marked in its own statement right after it is sent; should the
 * process die between the SMTP server's acceptance and that update, the email is sent again with the same
 * Message-ID, which lets mail systems recognise the duplicate.
 */
@Component
class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
	private static final int BATCH = 50;
	private static final int ERROR_LENGTH = 1000;
	private static final String SMTP_TIMEOUT_MILLIS = "30000";

	private record Due(UUID id, String recipient, String subject, String html, String text, int attempts) {
	}

	private final JdbcClient jdbc;
	private final JavaMailSender smtp;
	private final boolean devMailbox;
	private final MailSettings settings;
	private final Clock clock;
	private final String messageIdDomain;

	OutboxDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp, DevMailbox devMailbox, MailSettings settings,
			Clock clock, @Value("${atrium.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.smtp = smtp.getIfAvailable();
		this.devMailbox = devMailbox.active();
		this.settings = settings;
		this.clock = clock;
		var host = URI.create(baseUrl).getHost();
		this.messageIdDomain = host == null ? "atrium" : host;
		if (this.smtp instanceof JavaMailSenderImpl sender) {
			// Jakarta Mail waits forever by default: one hung server would stall every email behind it.
			var protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
			for (var timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
				sender.getJavaMailProperties().putIfAbsent("mail." + protocol + "." + timeout, SMTP_TIMEOUT_MILLIS);
			}
		}
		if (this.smtp == null && !this.devMailbox) {
			log.warn("No SMTP server (spring.mail.host) and the dev mailbox is off: emails wait in the outbox");
		}
	}

	/** Sends every email that is due; each failure is recorded on its email and does not stop the others. */
	void deliverDue() {
		if (smtp == null && !devMailbox) {
			return;
		}
		List<Due> due;
		do {
			due = jdbc.sql("""
					select id, recipient, subject, html_body, text_body, attempts from outbox_email
					where status = 'PENDING' and next_attempt_at <= :now order by created_at limit :limit""")
				.param("now", Timestamp.from(clock.instant()))
				.param("limit", BATCH)
				.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("recipient"),
						rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body"),
						rs.getInt("attempts")))
				.list();
			due.forEach(this::deliver);
		}
		while (due.size() == BATCH);
	}

	private void deliver(Due email) {
		if (smtp == null) {
			sent(email, "DEV");
			return;
		}
		try {
			smtp.send(message -> {
				var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
				helper.setFrom(settings.from());
				helper.setTo(email.recipient());
				helper.setSubject(email.subject());
				helper.setText(email.text(), email.html());
				message.setHeader("Message-ID", "<" + email.id() + "@" + messageIdDomain + ">");
			});
		}
		catch (RuntimeException e) {
			// An address or message that cannot be parsed will not get better by waiting.
			failed(email, e, e instanceof MailParseException || e instanceof MailPreparationException);
			return;
		}
		sent(email, "SMTP");
	}

	private void sent(Due email, String delivery) {
		jdbc.sql("""
				update outbox_email set status = 'SENT', delivery = :delivery, sent_at = :now, attempts = :attempts,
				  last_error = null
				where id = :id and status = 'PENDING'""")
			.param("delivery", delivery)
			.param("now", Timestamp.from(clock.instant()))
			.param("attempts", email.attempts() + 1)
			.param("id", email.id())
			.update();
	}

	private void failed(Due email, RuntimeException e, boolean permanent) {
		int attempts = email.attempts() + 1;
		var error = describe(e);
		if (permanent || attempts >= settings.maxAttempts()) {
			jdbc.sql("update outbox_email set status = 'FAILED', attempts = :attempts, last_error = :error where id = :id")
				.param("attempts", attempts)
				.param("error", error)
				.param("id", email.id())
				.update();
			log.error("Email {} failed after {} attempt(s) and will not be retried: {}", email.id(), attempts, error);
			return;
		}
		var next = clock.instant().truncatedTo(ChronoUnit.MICROS).plus(settings.backoff(attempts));
		jdbc.sql("""
				update outbox_email set attempts = :attempts, last_error = :error, next_attempt_at = :next
				where id = :id""")
			.param("attempts", attempts)
			.param("error", error)
			.param("next", Timestamp.from(next))
			.param("id", email.id())
			.update();
		log.warn("Email {} not sent (attempt {} of {}), next try at {}: {}", email.id(), attempts,
				settings.maxAttempts(), next, error);
	}

	/** The innermost cause in one line: what an operator needs, without a stack trace. */
	static String describe(Throwable e) {
		var cause = NestedExceptionUtils.getMostSpecificCause(e);
		var text = (cause.getClass().getSimpleName() + ": " + cause.getMessage()).replaceAll("\\s+", " ").strip();
		return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
	}
}

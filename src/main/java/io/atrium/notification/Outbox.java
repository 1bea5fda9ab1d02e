package io.atrium.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.firm.FirmId;

/**
 * Emails waiting to be sent. An email is written in the transaction of the change that promises it, so that it
 * exists exactly when the change does; {@link OutboxDelivery} sends it afterwards.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Outbox {

	private static final int SUBJECT_LENGTH = 300;

	private final JdbcClient jdbc;
	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Joins the caller's transaction, and refuses to run without one: an email written on its own could be sent
	 * for a change that was then rolled back.
	 */
	UUID enqueue(FirmId firmOrNull, String to, String subject, String html, String text) {
		var id = UUID.randomUUID();
		// Both databases keep microseconds; a rounded-up stored time would not be due at the same clock reading.
		var now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
		jdbc.sql("""
				insert into outbox_email (id, firm_id, recipient, subject, html_body, text_body, status, attempts,
				  next_attempt_at, created_at)
				values (:id, :firm, :recipient, :subject, :html, :text, 'PENDING', 0, :now, :now)""")
			.param("id", id)
			.param("firm", firmOrNull == null ? null : firmOrNull.value())
			.param("recipient", to)
			.param("subject", subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH) : subject)
			.param("html", html)
			.param("text", text)
			.param("now", now)
			.update();
		return id;
	}

	UUID enqueue(FirmId firmOrNull, String to, RenderedEmail email) {
		return enqueue(firmOrNull, to, email.subject(), email.html(), email.text());
	}
}

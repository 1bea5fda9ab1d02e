package io.atrium.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.atrium.platform.NotFoundException;

/**
 * The built-in mailbox that shows outgoing email when no SMTP server is configured. It is on with
 * {@code atrium.mail.dev-mailbox=on}, or with {@code auto} (the default) when {@code spring.mail.host} is unset;
 * never under the {@code prod} profile, since it shows every email, links and tokens included, to anyone.
 */
@Component
public class DevMailbox {

	enum Mode {
		AUTO, ON, OFF
	}

	private static final int SHOWN = 200;

	private final boolean active;
	private final JdbcClient jdbc;

	DevMailbox(MailSettings settings, Environment environment, JdbcClient jdbc) {
		this.active = isActive(settings.devMailbox(), StringUtils.hasText(environment.getProperty("spring.mail.host")),
				environment.acceptsProfiles(Profiles.of("prod")));
		this.jdbc = jdbc;
	}

	static boolean isActive(Mode mode, boolean smtpConfigured, boolean production) {
		if (production) {
			return false;
		}
		return mode == Mode.ON || (mode == Mode.AUTO && !smtpConfigured);
	}

	public boolean active() {
		return active;
	}

	/** The latest outgoing emails, newest first. */
	@Transactional(readOnly = true)
	public List<OutboxEmail> recent() {
		requireActive();
		return jdbc.sql("select * from outbox_email order by created_at desc limit :limit")
			.param("limit", SHOWN)
			.query(DevMailbox::email)
			.list();
	}

	@Transactional(readOnly = true)
	public OutboxEmail get(UUID id) {
		requireActive();
		return jdbc.sql("select * from outbox_email where id = :id")
			.param("id", id)
			.query(DevMailbox::email)
			.optional()
			.orElseThrow(() -> new NotFoundException("email"));
	}

	private void requireActive() {
		if (!active) {
			throw new NotFoundException("dev mailbox");
		}
	}

	private static OutboxEmail email(ResultSet rs, int row) throws SQLException {
		return new OutboxEmail(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("html_body"), rs.getString("text_body"), rs.getString("status"), rs.getString("delivery"),
				rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

package io.atrium.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;

/**
 * Lines of client activity waiting for their digest ({@link ActivityDigests}). Written in the transaction of the
 * change they tell of, like the {@link Outbox}: a line exists exactly when its change does.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ActivityLog {

	static final int SUMMARY_LENGTH = 500;
	static final int LINK_LENGTH = 500;

	/** Who a line is for: a staff user or a client contact. */
	enum RecipientKind {
		STAFF, CONTACT
	}

	/** A recipient with the address known when the activity happened. */
	record Recipient(RecipientKind kind, UUID id, String email) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	ActivityLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(FirmId firm, ClientId client, EngagementId engagementOrNull, Recipient recipient, ActivityKind kind,
			String summary, String linkPath) {
		jdbc.sql("""
				insert into notification_activity (id, firm_id, client_id, engagement_id, recipient_kind, recipient_id,
				  email, kind, summary, link_path, created_at)
				values (:id, :firm, :client, :engagement, :recipientKind, :recipient, :email, :kind, :summary, :link, :now)""")
			.param("id", UUID.randomUUID())
			.param("firm", firm.value())
			.param("client", client.value())
			.param("engagement", engagementOrNull == null ? null : engagementOrNull.value())
			.param("recipientKind", recipient.kind().name())
			.param("recipient", recipient.id())
			.param("email", recipient.email())
			.param("kind", kind.name())
			.param("summary", cut(summary.replaceAll("\\s+", " ").strip(), SUMMARY_LENGTH))
			.param("link", cut(linkPath, LINK_LENGTH))
			.param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.update();
	}

	private static String cut(String value, int length) {
		return value.length() > length ? value.substring(0, length - 1) + "…" : value;
	}
}

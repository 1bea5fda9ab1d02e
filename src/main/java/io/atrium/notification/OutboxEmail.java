package io.atrium.notification;

import java.time.Instant;
import java.util.UUID;

/** An email in the outbox, as the dev mailbox shows it. Delivery is SMTP or DEV once sent. */
public record OutboxEmail(UUID id, String recipient, String subject, String htmlBody, String textBody,
		String status, String delivery, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
		Instant sentAt) {
}

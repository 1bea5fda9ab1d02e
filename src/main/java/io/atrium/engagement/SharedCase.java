package io.atrium.engagement;

import java.time.Instant;
import java.time.LocalDate;

/** An engagement as the client's portal shows it: only when it is shared. */
public record SharedCase(EngagementId id, String name, String type, String period, String stage, LocalDate dueDate,
		Instant sharedAt) {
}

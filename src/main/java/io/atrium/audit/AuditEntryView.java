package io.atrium.audit;

import java.time.Instant;
import java.util.UUID;

/** A recorded entry as the audit page and the CSV export show it. */
public record AuditEntryView(Instant time, UUID actorId, String actorLabel, String action, String actionLabelKey,
		String subjectId, String summary, String ip, String userAgent) {
}

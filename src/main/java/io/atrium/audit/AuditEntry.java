package io.atrium.audit;

import java.util.UUID;

import io.atrium.firm.FirmId;

/**
 * One thing to record. The firm is null only for events that belong to no firm (a sign-in attempt with an unknown
 * address), and such entries are shown to no firm. The actor is who did it: their id when they are a known user,
 * and a label (their email) that stays readable after they are gone. The subject is the id of what was affected.
 */
public record AuditEntry(FirmId firm, UUID actorId, String actorLabel, String action, String subjectId,
		String summary) {

	public AuditEntry {
		if (action == null || action.isBlank()) {
			throw new IllegalArgumentException("action is required");
		}
	}
}

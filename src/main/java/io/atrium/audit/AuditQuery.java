package io.atrium.audit;

import java.time.LocalDate;

/**
 * Filters on the audit log; null means any. The actor is an actor id or, for actors without one, their label.
 * The dates are UTC days, both included.
 */
public record AuditQuery(String actor, String action, LocalDate from, LocalDate to) {

	public static AuditQuery everything() {
		return new AuditQuery(null, null, null, null);
	}
}

package io.atrium.audit;

import org.springframework.security.core.context.SecurityContextHolder;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;

/**
 * Who did it, when a staff user did. Actors are labelled by email, which names one person unambiguously; events
 * carry only the actor's id and are published while that actor is signed in, so the email comes from the current
 * principal. A missing actor must not fail the change being recorded: the entry is then written without one.
 */
final class StaffActors {

	private StaffActors() {
	}

	/** An entry whose actor is the staff user {@code by} (or nobody). */
	static AuditEntry entry(FirmId firm, StaffId by, String action, String subject, String summary) {
		return new AuditEntry(firm, by == null ? null : by.value(), label(by, null), action, subject, summary);
	}

	/** The signed-in actor's email, else {@code fallback}, else the actor's id. */
	static String label(StaffId actor, String fallback) {
		var current = current();
		if (current != null && current.id().equals(actor)) {
			return current.email();
		}
		return fallback != null || actor == null ? fallback : actor.toString();
	}

	static StaffPrincipal current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff ? staff : null;
	}
}

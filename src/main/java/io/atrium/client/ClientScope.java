package io.atrium.client;

import java.util.Map;

import io.atrium.staff.StaffPrincipal;

/**
 * Which of the firm's clients a staff user may see, as an SQL condition on the client table (alias {@code c}).
 * Implemented by the engagement module, which owns assignments; the client module never reads those tables itself.
 * Every query of clients for a staff user goes through it: lists, search, counts, detail, export, bulk actions.
 */
public interface ClientScope {

	/**
	 * An SQL condition on {@code c} (the client row) that holds for the clients {@code viewer} may see and that match
	 * {@code filter}; named parameters it uses are added to {@code params} (names start with {@code scope_}).
	 */
	String condition(StaffPrincipal viewer, AssignmentFilter filter, Map<String, Object> params);
}

package io.atrium.client;

import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * The assignment part of a client list's filters: clients where {@code assignee} holds {@code role} (any role when
 * null), and/or clients with nobody in {@code unassignedIn}. Every part may be null.
 */
public record AssignmentFilter(StaffId assignee, AssignmentRole role, AssignmentRole unassignedIn) {

	public static final AssignmentFilter NONE = new AssignmentFilter(null, null, null);
}

package io.atrium.engagement;

import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/** Make {@code staff} the {@code role} of many clients: on all of them, or only where nobody holds it. */
public record BulkAssignment(AssignmentRole role, StaffId staff, boolean onlyEmpty) {
}

package io.atrium.engagement;

import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * {@code staff} was made {@code role} on many clients at once: overwriting (bulk assign) or only where nobody held
 * the role (smart assign, {@code onlyEmpty}). {@code skipped} counts the selected clients left as they were.
 */
public record AssignmentsBulkChanged(FirmId firm, AssignmentRole role, StaffId staff, boolean onlyEmpty, int changed,
		int skipped, StaffId by) {
}

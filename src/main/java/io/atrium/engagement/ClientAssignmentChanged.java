package io.atrium.engagement;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * A client-level assignment changed: {@code from} null means nobody held the role, {@code to} null means it was
 * taken away. {@code by} is null when nobody in particular did it (onboarding defaults of an imported client).
 */
public record ClientAssignmentChanged(FirmId firm, ClientId client, AssignmentRole role, StaffId from, StaffId to,
		StaffId by) {
}

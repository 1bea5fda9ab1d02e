package io.atrium.engagement;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * An engagement's own assignment changed: {@code from}/{@code to} null means the engagement used (or now uses) the
 * client's assignment for the role.
 */
public record EngagementAssignmentChanged(FirmId firm, EngagementId engagement, ClientId client, AssignmentRole role,
		StaffId from, StaffId to, StaffId by) {
}

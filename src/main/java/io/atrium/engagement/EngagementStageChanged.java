package io.atrium.engagement;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** An engagement moved from one pipeline stage to another (stage names as they were at the time). */
public record EngagementStageChanged(FirmId firm, EngagementId engagement, ClientId client, String name,
		String from, String to, StaffId by) {
}

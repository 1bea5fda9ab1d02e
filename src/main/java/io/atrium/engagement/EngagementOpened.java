package io.atrium.engagement;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** An engagement was opened on a client. */
public record EngagementOpened(FirmId firm, EngagementId engagement, ClientId client, String name, String type,
		String stage, StaffId by) {
}

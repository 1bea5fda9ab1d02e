package io.atrium.engagement;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** An engagement was shared with the client's portal ({@code shared}) or taken out of it again. */
public record EngagementSharedInPortal(FirmId firm, EngagementId engagement, ClientId client, String name,
		boolean shared, StaffId by) {
}

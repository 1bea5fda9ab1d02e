package io.atrium.engagement;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** An engagement's details (name, type, period, due date) were changed; {@code changes} says which, for people. */
public record EngagementUpdated(FirmId firm, EngagementId engagement, ClientId client, String name, String changes,
		StaffId by) {
}

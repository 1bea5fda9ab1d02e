package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** An archived client was made active again. */
public record ClientRestored(FirmId firm, ClientId client, String name, StaffId by) {
}

package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

public record ClientArchived(FirmId firm, ClientId client, String name, StaffId by) {
}

package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * A client was created (by hand, by import or as demo data). Published inside the creating transaction: the
 * engagement module fills the onboarding-default assignments synchronously, so the client never exists without them.
 */
public record ClientCreated(FirmId firm, ClientId client, ClientType type, String name, StaffId by) {
}

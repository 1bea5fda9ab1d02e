package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** A contact was added to a client; {@code email} is lower-case, or null when the contact has none. */
public record ContactAdded(FirmId firm, ClientId client, ContactId contact, String name, String email, StaffId by) {
}

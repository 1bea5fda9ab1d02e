package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * A contact is being deleted. Published just before the row goes, in the same transaction, so that a synchronous
 * listener can remove what refers to the contact first.
 */
public record ContactDeleted(FirmId firm, ClientId client, ContactId contact, String name, String email, StaffId by) {
}

package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * A contact's details were changed; {@code changes} says which, in a few words. {@code previousEmail} differs from
 * {@code email} when the address changed, which matters to whoever keys portal access by address.
 */
public record ContactUpdated(FirmId firm, ClientId client, ContactId contact, String name, String email,
		String previousEmail, String changes, StaffId by) {
}

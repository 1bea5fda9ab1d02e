package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** A client's details were changed; {@code changes} says which, in a few words. */
public record ClientUpdated(FirmId firm, ClientId client, String name, String changes, StaffId by) {
}

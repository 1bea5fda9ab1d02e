package io.atrium.staff;

/** A staff user signed in. */
public record StaffSignedIn(io.atrium.firm.FirmId firm, StaffId staff, String email) {
}

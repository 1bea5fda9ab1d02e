package io.atrium.staff;

/** A staff user signed out. */
public record StaffSignedOut(io.atrium.firm.FirmId firm, StaffId staff, String email) {
}

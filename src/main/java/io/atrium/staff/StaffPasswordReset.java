package io.atrium.staff;

/** A staff user set a new password through a reset link. */
public record StaffPasswordReset(io.atrium.firm.FirmId firm, StaffId staff, String email) {
}

package io.atrium.staff;

/** A sign-in failed; firm and staff are null when the address is unknown. The reason is one of unknown, password, locked, deactivated, throttled. */
public record StaffSignInFailed(io.atrium.firm.FirmId firm, StaffId staff, String email, String reason) {
}

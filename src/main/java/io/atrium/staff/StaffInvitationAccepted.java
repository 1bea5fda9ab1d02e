package io.atrium.staff;

/** An invited colleague set a password and can now sign in. */
public record StaffInvitationAccepted(io.atrium.firm.FirmId firm, StaffId staff, String email) {
}

package io.atrium.staff;

/** A signed-in staff user changed their password. */
public record StaffPasswordChanged(io.atrium.firm.FirmId firm, StaffId staff, String email) {
}

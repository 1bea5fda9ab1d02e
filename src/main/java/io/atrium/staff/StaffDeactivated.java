package io.atrium.staff;

/** An Owner or Admin deactivated a staff user; their sessions ended. */
public record StaffDeactivated(io.atrium.firm.FirmId firm, StaffId staff, String email, StaffId by) {
}

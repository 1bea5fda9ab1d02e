package io.atrium.staff;

/** An Owner or Admin re-activated a deactivated staff user. */
public record StaffReactivated(io.atrium.firm.FirmId firm, StaffId staff, String email, StaffId by) {
}

package io.atrium.staff;

/** An Owner or Admin changed a staff user's firm role. */
public record StaffRoleChanged(io.atrium.firm.FirmId firm, StaffId staff, String email, FirmRole from, FirmRole to, StaffId by) {
}

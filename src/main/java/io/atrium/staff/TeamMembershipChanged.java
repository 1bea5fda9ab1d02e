package io.atrium.staff;

/** A staff user joined or left a team. */
public record TeamMembershipChanged(io.atrium.firm.FirmId firm, java.util.UUID team, String teamName, StaffId staff, boolean joined, StaffId by) {
}

package io.atrium.staff;

/** A firm created a team of its own. */
public record TeamCreated(io.atrium.firm.FirmId firm, java.util.UUID team, String name, StaffId by) {
}

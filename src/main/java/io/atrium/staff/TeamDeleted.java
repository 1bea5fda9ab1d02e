package io.atrium.staff;

/** A firm deleted one of its own teams. */
public record TeamDeleted(io.atrium.firm.FirmId firm, java.util.UUID team, String name, StaffId by) {
}

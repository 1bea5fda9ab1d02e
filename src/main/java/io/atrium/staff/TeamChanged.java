package io.atrium.staff;

/** A team's name or permissions changed (the summary says how). */
public record TeamChanged(io.atrium.firm.FirmId firm, java.util.UUID team, String name, String change, StaffId by) {
}

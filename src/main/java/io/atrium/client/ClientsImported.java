package io.atrium.client;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** A CSV import was confirmed and wrote {@code created} clients (each also announced by {@link ClientCreated}). */
public record ClientsImported(FirmId firm, int created, StaffId by) {
}

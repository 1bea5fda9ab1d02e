package io.atrium.staff;

import java.time.Instant;

/** A staff user as lists and pickers show them. */
public record StaffView(StaffId id, String name, String email, FirmRole role, StaffStatus status,
		Instant lastSignInAt, Instant createdAt) {
}

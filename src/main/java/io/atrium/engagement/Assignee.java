package io.atrium.engagement;

import io.atrium.staff.StaffId;

/** A staff user as an assignment or a picker shows them; {@code active} is false once they were deactivated. */
public record Assignee(StaffId id, String name, boolean active) {
}

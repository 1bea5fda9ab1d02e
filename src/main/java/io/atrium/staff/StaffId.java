package io.atrium.staff;

import java.io.Serializable;
import java.util.UUID;

public record StaffId(UUID value) implements Serializable {

	public StaffId {
		if (value == null) {
			throw new IllegalArgumentException("staff id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

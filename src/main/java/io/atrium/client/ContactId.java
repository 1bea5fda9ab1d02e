package io.atrium.client;

import java.io.Serializable;
import java.util.UUID;

public record ContactId(UUID value) implements Serializable {

	public ContactId {
		if (value == null) {
			throw new IllegalArgumentException("id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

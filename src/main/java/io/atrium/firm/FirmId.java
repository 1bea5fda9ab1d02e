package io.atrium.firm;

import java.io.Serializable;
import java.util.UUID;

public record FirmId(UUID value) implements Serializable {

	public FirmId {
		if (value == null) {
			throw new IllegalArgumentException("firm id is required");
		}
	}

	public static FirmId random() {
		return new FirmId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

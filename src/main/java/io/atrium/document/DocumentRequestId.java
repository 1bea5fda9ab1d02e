package io.atrium.document;

import java.io.Serializable;
import java.util.UUID;

public record DocumentRequestId(UUID value) implements Serializable {

	public DocumentRequestId {
		if (value == null) {
			throw new IllegalArgumentException("id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

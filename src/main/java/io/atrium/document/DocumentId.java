package io.atrium.document;

import java.io.Serializable;
import java.util.UUID;

public record DocumentId(UUID value) implements Serializable {

	public DocumentId {
		if (value == null) {
			throw new IllegalArgumentException("id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

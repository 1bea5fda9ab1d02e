package io.atrium.messaging;

import java.io.Serializable;
import java.util.UUID;

public record NoteId(UUID value) implements Serializable {

	public NoteId {
		if (value == null) {
			throw new IllegalArgumentException("id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package io.atrium.messaging;

import java.io.Serializable;
import java.util.UUID;

public record ConversationId(UUID value) implements Serializable {

	public ConversationId {
		if (value == null) {
			throw new IllegalArgumentException("id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

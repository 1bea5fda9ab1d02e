package io.atrium.engagement;

import java.io.Serializable;
import java.util.UUID;

public record EngagementId(UUID value) implements Serializable {

	public EngagementId {
		if (value == null) {
			throw new IllegalArgumentException("id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

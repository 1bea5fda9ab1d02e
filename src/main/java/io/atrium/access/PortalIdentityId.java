package io.atrium.access;

import java.io.Serializable;
import java.util.UUID;

/** A portal identity: one per firm and email address, shared by every contact of that firm with the address. */
public record PortalIdentityId(UUID value) implements Serializable {

	public PortalIdentityId {
		if (value == null) {
			throw new IllegalArgumentException("id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

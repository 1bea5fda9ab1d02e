package io.atrium.audit;

import java.util.UUID;

/** Someone who appears as an actor in a firm's log, for the actor filter. */
public record AuditActor(UUID id, String label) {

	/** What {@link AuditQuery#actor()} takes to find this actor's entries. */
	public String value() {
		return id != null ? id.toString() : label;
	}
}

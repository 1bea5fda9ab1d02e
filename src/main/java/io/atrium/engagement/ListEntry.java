package io.atrium.engagement;

import java.util.UUID;

/** A pipeline stage or engagement type, in the firm's order, with the number of engagements using it. */
public record ListEntry(UUID id, String name, int position, long engagements) {

	public boolean inUse() {
		return engagements > 0;
	}
}

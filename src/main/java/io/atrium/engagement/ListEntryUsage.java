package io.atrium.engagement;

import java.util.UUID;

/**
 * A pipeline stage or engagement type on the settings page: the entry and the number of the firm's engagements
 * using it (an entry in use cannot be deleted). Counting reads every engagement of the firm, so only this page does.
 */
public record ListEntryUsage(UUID id, String name, int position, long engagements) {

	public boolean inUse() {
		return engagements > 0;
	}
}

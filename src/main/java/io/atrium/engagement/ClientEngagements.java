package io.atrium.engagement;

import java.util.List;

import io.atrium.client.ClientId;

/** A client's engagements, and what a new one can be (types and stages); {@code canOpen}: the viewer may add one. */
public record ClientEngagements(ClientId client, String clientName, boolean canOpen,
		List<EngagementSummary> engagements, List<ListEntry> types, List<ListEntry> stages) {
}

package io.atrium.engagement;

import io.atrium.client.ClientId;

/** What other modules need of an engagement they hold by id: its client, its name, whether the portal shows it. */
public record EngagementRef(EngagementId id, ClientId client, String name, boolean sharedInPortal) {
}

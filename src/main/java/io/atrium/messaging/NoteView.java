package io.atrium.messaging;

import java.time.Instant;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;

/**
 * A staff note on a client or on one of its engagements ({@code engagement} null: on the client).
 * {@code sharedInPortal}: marked shared (the portal shows it when its engagement, if any, is shared too);
 * {@code manageable}: the viewer may share, unshare and delete it (its author, Owners and Admins).
 */
public record NoteView(NoteId id, ClientId client, EngagementId engagement, String engagementName, String text,
		boolean sharedInPortal, String author, Instant createdAt, boolean manageable) {
}

package io.atrium.messaging;

import java.util.List;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;

/**
 * The notes of a client, newest first: all of them (with {@code engagement} null) or one engagement's; and the
 * engagements a new note may be about.
 */
public record ClientNotes(ClientId client, String clientName, EngagementId engagement, String engagementName,
		List<NoteView> notes, List<EngagementOption> engagements) {
}

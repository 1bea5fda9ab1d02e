package io.atrium.document;

import java.time.Instant;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;

/**
 * A document as a list shows it. {@code engagement}, {@code request} and {@code conversation} are null when it
 * belongs to none. {@code uploadedBy} names the person (staff or contact); {@code byClient} is true for contacts'
 * uploads. {@code deletable} says whether the viewer may delete it now (a contact: their own upload within 10
 * minutes).
 */
public record DocumentView(DocumentId id, ClientId client, EngagementId engagement, String engagementName,
		DocumentRequestId request, java.util.UUID conversation, String name, String contentType, long size,
		String sha256, DocumentVisibility visibility, int version, String uploadedBy, boolean byClient,
		Instant uploadedAt, Instant deletedAt, boolean deletable) {
}

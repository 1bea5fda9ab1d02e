package io.atrium.messaging;

import java.util.List;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;

/**
 * A conversation with all its messages, oldest first, as its reader sees it; {@code mayAttach}: the reader may add
 * files to a reply.
 */
public record ConversationThread(ConversationId id, ClientId client, String clientName, String subject,
		EngagementId engagement, String engagementName, List<MessageView> messages, boolean mayAttach) {
}

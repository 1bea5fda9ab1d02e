package io.atrium.messaging;

import java.util.List;

import io.atrium.client.ClientId;

/** A client's conversations, latest activity first, and the engagements a new one may be about. */
public record ClientConversations(ClientId client, String clientName, List<ConversationSummary> conversations,
		List<EngagementOption> engagements) {

	public int unread() {
		return conversations.stream().mapToInt(ConversationSummary::unread).sum();
	}
}

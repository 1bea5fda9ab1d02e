package io.atrium.messaging;

import java.time.Instant;

import io.atrium.engagement.EngagementId;

/**
 * A conversation in a list: its subject, the engagement it is about (null for none; the portal names only shared
 * ones), who started it, the last activity, and how many of its messages the reader has not read yet.
 */
public record ConversationSummary(ConversationId id, String subject, EngagementId engagement, String engagementName,
		String startedBy, Instant lastMessageAt, int messages, int unread) {

	public boolean isUnread() {
		return unread > 0;
	}
}

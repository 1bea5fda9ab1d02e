package io.atrium.messaging;

import io.atrium.engagement.EngagementId;

/** An engagement a conversation or note may be about, for the forms' pickers. */
public record EngagementOption(EngagementId id, String name) {
}

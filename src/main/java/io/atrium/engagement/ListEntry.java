package io.atrium.engagement;

import java.util.UUID;

/**
 * A pipeline stage or engagement type, in the firm's order. Pages that only name or offer the entries read these;
 * the settings page reads {@link ListEntryUsage}, which also counts the engagements using each one.
 */
public record ListEntry(UUID id, String name, int position) {
}

package io.atrium.engagement;

import java.time.LocalDate;

/** An engagement in its client's list: with its stage and effective preparer. */
public record EngagementSummary(EngagementId id, String name, String type, String period, LocalDate dueDate,
		String stage, Assignee preparer) {
}

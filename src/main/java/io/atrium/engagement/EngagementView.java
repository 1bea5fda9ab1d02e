package io.atrium.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.atrium.client.ClientId;

/**
 * One engagement as its page shows it, with what the viewer may do there and the firm's types and stages for the
 * forms.
 */
public record EngagementView(EngagementId id, ClientId client, String clientName, String name, UUID typeId,
		String type, String period, LocalDate dueDate, UUID stageId, String stage, boolean editable,
		boolean stageMovable, boolean assignmentsChangeable, List<EngagementRoleAssignment> assignments,
		List<ListEntry> types, List<ListEntry> stages) {
}

package io.atrium.engagement;

import java.time.LocalDate;
import java.util.UUID;

import io.atrium.client.ClientId;

/** An engagement on the pipeline board, with the effective holder of the shown role. */
public record PipelineCard(EngagementId id, ClientId client, String clientName, String name, String type,
		LocalDate dueDate, UUID stageId, Assignee assignee, boolean stageMovable) {
}

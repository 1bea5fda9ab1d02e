package io.atrium.engagement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a person enters for an engagement. The stage is only read when opening (null: the first stage); afterwards
 * an engagement moves through the pipeline.
 */
public record EngagementDraft(String name, UUID typeId, String period, LocalDate dueDate, UUID stageId) {
}

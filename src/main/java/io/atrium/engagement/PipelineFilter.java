package io.atrium.engagement;

import java.util.UUID;

import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * Filters of the pipeline; null means any. With an assignee and a role: engagements where that person is the
 * effective holder of the role; with an assignee only: where they are the effective holder of any role.
 */
public record PipelineFilter(StaffId assignee, AssignmentRole role, UUID type) {

	public static final PipelineFilter NONE = new PipelineFilter(null, null, null);
}

package io.atrium.engagement;

import java.util.List;

import io.atrium.staff.AssignmentRole;

/**
 * The pipeline board: the matching engagements of the clients the viewer sees, by stage. Cards show the effective
 * holder of {@code shownRole} (the filtered role, or Preparer). Filter options come along for the form.
 */
public record Pipeline(PipelineFilter filter, AssignmentRole shownRole, List<PipelineColumn> columns,
		List<Assignee> assignees, List<ListEntry> types, List<ListEntry> stages) {

	public int total() {
		return columns.stream().mapToInt(PipelineColumn::total).sum();
	}
}

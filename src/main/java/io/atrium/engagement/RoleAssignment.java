package io.atrium.engagement;

import java.util.List;

import io.atrium.staff.AssignmentRole;

/**
 * Who holds a role on a client (null: nobody), and whom the role's picker offers: the eligible, active staff, or
 * nobody when the viewer may not change the assignment.
 */
public record RoleAssignment(AssignmentRole role, Assignee assignee, List<Assignee> options) {

	/** False when the holder lost the role's permission or was deactivated since: the picker does not offer them. */
	public boolean assigneeOffered() {
		return assignee != null && options.stream().anyMatch(o -> o.id().equals(assignee.id()));
	}
}

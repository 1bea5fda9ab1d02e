package io.atrium.engagement;

import java.util.List;

import io.atrium.staff.AssignmentRole;

/**
 * One role on an engagement: the engagement's own assignment ({@code own}, null when it has none) overrides the
 * client's ({@code client}); {@code options} are the eligible staff, empty when the viewer may not change it.
 */
public record EngagementRoleAssignment(AssignmentRole role, Assignee own, Assignee client, List<Assignee> options) {

	public Assignee effective() {
		return own != null ? own : client;
	}

	public boolean overridden() {
		return own != null;
	}

	public boolean ownOffered() {
		return own != null && options.stream().anyMatch(o -> o.id().equals(own.id()));
	}
}

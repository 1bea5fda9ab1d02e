package io.atrium.engagement;

import java.time.Instant;
import java.util.List;

/**
 * The engagement's "Client portal" card: whether it is shared (and since when), whether the viewer may change
 * that, and who is told of client activity — the chosen staff, or by default the preparer and assigned-to.
 */
public record EngagementPortal(EngagementId engagement, boolean shared, Instant sharedAt, boolean changeable,
		boolean recipientsChosen, List<Assignee> recipients, List<Assignee> candidates) {

	public boolean isRecipient(Assignee candidate) {
		return recipients.stream().anyMatch(r -> r.id().equals(candidate.id()));
	}
}

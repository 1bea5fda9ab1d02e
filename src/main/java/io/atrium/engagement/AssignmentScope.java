package io.atrium.engagement;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.atrium.client.AssignmentFilter;
import io.atrium.client.ClientScope;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffPrincipal;

/**
 * Who sees what: Owners, Admins and members of an Access-all-clients team see every client; everyone else needs
 * View clients and an assignment on the client or on one of its engagements. Both look-ups are index-only
 * ({@code client_assignment_staff}, {@code engagement_assignment_staff}).
 */
@Component
class AssignmentScope implements ClientScope {

	@Override
	public String condition(StaffPrincipal viewer, AssignmentFilter filter, Map<String, Object> params) {
		var condition = new StringBuilder();
		if (!viewer.seesAllClients()) {
			if (!viewer.can(Permission.VIEW_CLIENTS)) {
				return "1 = 0";
			}
			params.put("scope_viewer", viewer.id().value());
			// one set of the viewer's clients, read from the assignment indexes by staff: PostgreSQL then joins it
			// instead of probing two indexes for every client of the firm (70-108 ms → 16 ms on 50,000 clients)
			condition.append("c.id in (select sa.client_id from client_assignment sa where sa.staff_id = :scope_viewer"
					+ " union select se.client_id from engagement_assignment se where se.staff_id = :scope_viewer)");
		}
		if (filter != null && (filter.assignee() != null || filter.role() != null)) {
			and(condition).append("exists (select 1 from client_assignment fa where fa.client_id = c.id");
			if (filter.assignee() != null) {
				params.put("scope_assignee", filter.assignee().value());
				condition.append(" and fa.staff_id = :scope_assignee");
			}
			if (filter.role() != null) {
				params.put("scope_role", filter.role().name());
				condition.append(" and fa.role = :scope_role");
			}
			condition.append(")");
		}
		if (filter != null && filter.unassignedIn() != null) {
			params.put("scope_unassigned", filter.unassignedIn().name());
			and(condition).append("not exists (select 1 from client_assignment ua where ua.client_id = c.id and ua.role = :scope_unassigned)");
		}
		return condition.isEmpty() ? "1 = 1" : condition.toString();
	}

	private static StringBuilder and(StringBuilder condition) {
		return condition.isEmpty() ? condition : condition.append(" and ");
	}
}

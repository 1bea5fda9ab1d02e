package io.atrium.engagement;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.atrium.client.AssignmentFilter;
import io.atrium.client.ClientId;
import io.atrium.client.ClientScope;
import io.atrium.client.ClientType;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffPrincipal;

/**
 * The staff side's rules for this module, in one place. A client the viewer may not see does not exist for them
 * (404); on a client they see, what they may not do is forbidden (403).
 * <ul>
 * <li>Assignments: Owners and Admins on any client; Edit clients on clients they see; Access all clients on every
 * client; members of the built-in Preparers, Reviewers and Signers teams on clients they are already assigned to
 * (at client level or on one of its engagements).</li>
 * <li>Opening and editing engagements: Edit clients (Owners and Admins hold every permission).</li>
 * <li>Moving an engagement through the pipeline: the same, or being assigned on the engagement or its client.</li>
 * <li>Stages, types and onboarding defaults: Owners, Admins and Manage firm settings.</li>
 * </ul>
 */
@Component
class EngagementPolicy {

	/** A client the viewer sees, with what this module shows of it. */
	record VisibleClient(ClientId id, String name, ClientType type) {
	}

	private final JdbcClient jdbc;
	private final ClientScope scope;

	EngagementPolicy(JdbcClient jdbc, ClientScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	Optional<VisibleClient> visible(StaffPrincipal viewer, ClientId client) {
		var params = new HashMap<String, Object>();
		var condition = scope.condition(viewer, AssignmentFilter.NONE, params);
		return jdbc.sql("select c.id, c.name, c.type from client c where c.firm_id = :firm and c.id = :id and "
				+ condition)
			.params(params)
			.param("firm", viewer.firm().value())
			.param("id", client.value())
			.query((rs, n) -> new VisibleClient(new ClientId(rs.getObject("id", UUID.class)), rs.getString("name"),
					ClientType.valueOf(rs.getString("type"))))
			.optional();
	}

	VisibleClient requireVisible(StaffPrincipal viewer, ClientId client) {
		return visible(viewer, client).orElseThrow(() -> new NotFoundException("client"));
	}

	/** Holds any role on the client, at client level or on one of its engagements. */
	boolean isAssigned(StaffPrincipal viewer, ClientId client) {
		return jdbc.sql("""
				select count(*) from client_assignment where client_id = :client and staff_id = :staff and firm_id = :firm
				union all
				select count(*) from engagement_assignment where client_id = :client and staff_id = :staff and firm_id = :firm""")
			.param("client", client.value())
			.param("staff", viewer.id().value())
			.param("firm", viewer.firm().value())
			.query(Long.class)
			.list()
			.stream()
			.anyMatch(count -> count > 0);
	}

	/** Holds a role on the client itself (not only on one of its engagements). */
	boolean isAssignedToClient(StaffPrincipal viewer, ClientId client) {
		return jdbc.sql("select count(*) from client_assignment where client_id = :client and staff_id = :staff and firm_id = :firm")
			.param("client", client.value())
			.param("staff", viewer.id().value())
			.param("firm", viewer.firm().value())
			.query(Long.class)
			.single() > 0;
	}

	/** May change assignments on every client they see, whether assigned or not. */
	static boolean changesAnyAssignments(StaffPrincipal viewer) {
		return viewer.managesFirm() || viewer.can(Permission.EDIT_CLIENTS)
				|| viewer.can(Permission.ACCESS_ALL_CLIENTS);
	}

	boolean mayChangeAssignments(StaffPrincipal viewer, ClientId client) {
		return changesAnyAssignments(viewer) || (viewer.inBuiltInTeam() && isAssigned(viewer, client));
	}

	void requireAssignmentRights(StaffPrincipal viewer, ClientId client) {
		if (!mayChangeAssignments(viewer, client)) {
			throw new AccessDeniedException("may not change this client's assignments");
		}
	}

	/**
	 * An SQL condition on the client {@code c} for the clients whose assignments the viewer may change: the ones they
	 * see, if their permissions allow it anywhere, or the ones they are assigned to, for the built-in teams.
	 */
	String changeableCondition(StaffPrincipal viewer, Map<String, Object> params) {
		var visible = scope.condition(viewer, AssignmentFilter.NONE, params);
		if (changesAnyAssignments(viewer)) {
			return visible;
		}
		if (!viewer.inBuiltInTeam()) {
			return "1 = 0";
		}
		params.put("policy_viewer", viewer.id().value());
		return "(" + visible + ") and (exists (select 1 from client_assignment pa where pa.client_id = c.id and pa.staff_id = :policy_viewer)"
				+ " or exists (select 1 from engagement_assignment pe where pe.client_id = c.id and pe.staff_id = :policy_viewer))";
	}

	static boolean mayEditEngagements(StaffPrincipal viewer) {
		return viewer.managesFirm() || viewer.can(Permission.EDIT_CLIENTS);
	}

	void requireEditRights(StaffPrincipal viewer) {
		if (!mayEditEngagements(viewer)) {
			throw new AccessDeniedException("may not open or edit engagements");
		}
	}

	boolean mayMoveStage(StaffPrincipal viewer, Engagement engagement) {
		return mayEditEngagements(viewer) || engagement.isAssigned(viewer.id())
				|| isAssignedToClient(viewer, engagement.client());
	}

	static boolean managesSettings(StaffPrincipal viewer) {
		return viewer.managesFirm() || viewer.can(Permission.MANAGE_FIRM_SETTINGS);
	}

	void requireSettingsRights(StaffPrincipal viewer) {
		if (!managesSettings(viewer)) {
			throw new AccessDeniedException("Owners, Admins and Manage firm settings change the firm's lists");
		}
	}
}

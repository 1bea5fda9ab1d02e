package io.atrium.engagement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.AssignmentFilter;
import io.atrium.client.ClientId;
import io.atrium.client.ClientScope;
import io.atrium.client.ClientStatus;
import io.atrium.client.ClientType;
import io.atrium.firm.FirmId;
import io.atrium.platform.CustomPlans;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;

/**
 * Read queries over engagements, set-based: the effective holder of a role is the engagement's own assignment, else
 * the client's, found with two left joins and a coalesce in the same statement as the engagements.
 */
@Component
class EngagementQueries {

	/** An engagement of a client with its effective preparer. */
	record ClientEngagementRow(UUID id, String name, String type, String period, LocalDate dueDate, String stage,
			UUID preparer) {
	}

	/**
	 * A pipeline card: {@code assignee} is the effective holder of the shown role; {@code mine} says whether the
	 * viewer holds a role on the engagement or its client.
	 */
	record CardRow(UUID id, UUID client, String clientName, String name, String type, LocalDate dueDate, UUID stage,
			UUID assignee, boolean mine) {
	}

	private final JdbcClient jdbc;
	private final ClientScope scope;
	private final CustomPlans plans;

	EngagementQueries(JdbcClient jdbc, ClientScope scope, CustomPlans plans) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.plans = plans;
	}

	List<ClientEngagementRow> ofClient(FirmId firm, ClientId client) {
		return jdbc.sql("""
				select e.id, e.name, t.name as type_name, e.period, e.due_date, s.name as stage_name,
					coalesce(ea.staff_id, ca.staff_id) as preparer
				from engagement e
				join engagement_type t on t.id = e.type_id
				join pipeline_stage s on s.id = e.stage_id
				left join engagement_assignment ea on ea.engagement_id = e.id and ea.role = :role
				left join client_assignment ca on ca.client_id = e.client_id and ca.role = :role
				where e.firm_id = :firm and e.client_id = :client
				order by s.position, e.due_date asc nulls last, e.name, e.id""")
			.param("role", AssignmentRole.PREPARER.name())
			.param("firm", firm.value())
			.param("client", client.value())
			.query((rs, n) -> new ClientEngagementRow(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("type_name"), rs.getString("period"), localDate(rs.getDate("due_date")),
					rs.getString("stage_name"), rs.getObject("preparer", UUID.class)))
			.list();
	}

	/**
	 * The pipeline's cards, at most {@code perStage} per stage, of active clients the viewer sees, soonest due first
	 * and, on one date, by client. One branch per stage, read in the order of the index {@code engagement (firm_id,
	 * stage_id, due_date, id)} and stopped after {@code perStage} rows, so that a firm with 150,000 engagements reads a
	 * few hundred (13 ms instead of 130 ms per stage for the benchmark's large firm). Which cards make the cut among
	 * those due on the last shown date is therefore decided by id, not by client name.
	 */
	List<CardRow> pipeline(StaffPrincipal viewer, PipelineFilter filter, AssignmentRole shown, boolean allMine,
			List<UUID> stages, int perStage) {
		if (stages.isEmpty()) {
			return List.of();
		}
		var params = new HashMap<String, Object>();
		var from = matching(viewer, filter, shown, params, true);
		params.put("me", viewer.id().value());
		params.put("cap", perStage);
		var mine = allMine ? "1" : "case when exists (select 1 from engagement_assignment m where m.engagement_id = e.id and m.staff_id = :me)"
				+ " or exists (select 1 from client_assignment n where n.client_id = e.client_id and n.staff_id = :me) then 1 else 0 end";
		plans.forThisTransaction();
		var branches = new StringJoiner(" union all ");
		for (int i = 0; i < stages.size(); i++) {
			params.put("stage" + i, stages.get(i));
			branches.add("(select e.id, e.client_id, c.name as client_name, lower(c.name) as client_order, e.name,"
					+ " t.name as type_name, e.due_date, e.stage_id, coalesce(ea.staff_id, ca.staff_id) as assignee, "
					+ mine + " as mine" + from + " and e.stage_id = :stage" + i
					+ " order by e.due_date asc nulls last, e.id limit :cap)");
		}
		var sql = "select * from (" + branches + ") p"
				+ " order by p.stage_id, p.due_date asc nulls last, p.client_order, p.name, p.id";
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new CardRow(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
					rs.getString("client_name"), rs.getString("name"), rs.getString("type_name"),
					localDate(rs.getDate("due_date")), rs.getObject("stage_id", UUID.class),
					rs.getObject("assignee", UUID.class), rs.getInt("mine") == 1))
			.list();
	}

	/** How many cards each stage has in all (with the same conditions as {@link #pipeline}), by stage id. */
	Map<UUID, Integer> pipelineTotals(StaffPrincipal viewer, PipelineFilter filter, AssignmentRole shown) {
		var params = new HashMap<String, Object>();
		var totals = new HashMap<UUID, Integer>();
		plans.forThisTransaction();
		jdbc.sql("select e.stage_id, count(*) as total" + matching(viewer, filter, shown, params, false) + " group by e.stage_id")
			.params(params)
			.query((RowCallbackHandler) rs -> totals.put(rs.getObject("stage_id", UUID.class), rs.getInt("total")));
		return totals;
	}

	/**
	 * The {@code from ... where} of the pipeline: engagements of active clients the viewer sees, narrowed by the
	 * filter; for {@code cards}, with the type and the effective holder of the shown role ({@code ea}, else
	 * {@code ca}). Counts join only what they filter on.
	 */
	private String matching(StaffPrincipal viewer, PipelineFilter filter, AssignmentRole shown,
			Map<String, Object> params, boolean cards) {
		var visible = scope.condition(viewer, AssignmentFilter.NONE, params);
		params.put("firm", viewer.firm().value());
		params.put("role", shown.name());
		params.put("active", ClientStatus.ACTIVE.name());
		var sql = new StringBuilder(" from engagement e join client c on c.id = e.client_id");
		if (cards) {
			sql.append(" join engagement_type t on t.id = e.type_id");
		}
		if (cards || filter.assignee() != null && filter.role() != null) {
			sql.append(" left join engagement_assignment ea on ea.engagement_id = e.id and ea.role = :role")
				.append(" left join client_assignment ca on ca.client_id = e.client_id and ca.role = :role");
		}
		sql.append(" where e.firm_id = :firm and c.firm_id = :firm and c.status = :active and (")
			.append(visible)
			.append(")");
		if (filter.type() != null) {
			sql.append(" and e.type_id = :type");
			params.put("type", filter.type());
		}
		if (filter.assignee() != null) {
			params.put("assignee", filter.assignee().value());
			if (filter.role() != null) {
				sql.append(" and coalesce(ea.staff_id, ca.staff_id) = :assignee");
			}
			else {
				// any role: their own on the engagement, or the client's in a role the engagement does not override
				sql.append(" and (exists (select 1 from engagement_assignment x where x.engagement_id = e.id and x.staff_id = :assignee)")
					.append(" or exists (select 1 from client_assignment y where y.client_id = e.client_id and y.staff_id = :assignee")
					.append(" and not exists (select 1 from engagement_assignment z where z.engagement_id = e.id and z.role = y.role)))");
			}
		}
		return sql.toString();
	}

	/** The firm's clients (id and type), for demo data. */
	List<ClientRow> clientsOf(FirmId firm) {
		return jdbc.sql("select id, type, name from client where firm_id = :firm order by lower(name), id")
			.param("firm", firm.value())
			.query((rs, n) -> new ClientRow(new ClientId(rs.getObject("id", UUID.class)),
					ClientType.valueOf(rs.getString("type")), rs.getString("name")))
			.list();
	}

	record ClientRow(ClientId id, ClientType type, String name) {
	}

	static StaffId staff(UUID id) {
		return id == null ? null : new StaffId(id);
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}
}

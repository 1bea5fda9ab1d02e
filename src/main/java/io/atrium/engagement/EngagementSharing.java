package io.atrium.engagement;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * The engagement's portal columns and its chosen activity recipients. Kept beside the aggregate rather than in it:
 * sharing changes nothing the aggregate guards, and the portal reads these on every page.
 */
@Repository
class EngagementSharing {

	private final JdbcClient jdbc;

	EngagementSharing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets the flag; true when it changed. */
	boolean share(FirmId firm, EngagementId id, boolean shared, Instant now) {
		return jdbc.sql("""
				update engagement set portal_shared = :shared, portal_shared_at = :at
				where id = :id and firm_id = :firm and portal_shared <> :shared""")
			.param("shared", shared)
			.param("at", shared ? java.sql.Timestamp.from(now) : null)
			.param("id", id.value())
			.param("firm", firm.value())
			.update() > 0;
	}

	record State(boolean shared, Instant sharedAt, boolean recipientsChosen) {
	}

	State state(FirmId firm, EngagementId id) {
		return jdbc.sql("select portal_shared, portal_shared_at, activity_recipients_chosen from engagement where id = :id and firm_id = :firm")
			.param("id", id.value())
			.param("firm", firm.value())
			.query((rs, n) -> new State(rs.getBoolean(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getBoolean(3)))
			.single();
	}

	Optional<EngagementRef> ref(FirmId firm, EngagementId id) {
		return jdbc.sql("select id, client_id, name, portal_shared from engagement where id = :id and firm_id = :firm")
			.param("id", id.value())
			.param("firm", firm.value())
			.query((rs, n) -> new EngagementRef(new EngagementId(rs.getObject(1, UUID.class)),
					new ClientId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getBoolean(4)))
			.optional();
	}

	private static final String CASES = """
			select e.id, e.name, t.name as type, e.period, s.name as stage, e.due_date, e.portal_shared_at
			from engagement e
			join engagement_type t on t.id = e.type_id
			join pipeline_stage s on s.id = e.stage_id
			where e.firm_id = :firm and e.client_id = :client and e.portal_shared = true""";

	List<SharedCase> cases(FirmId firm, ClientId client) {
		return jdbc.sql(CASES + " order by e.portal_shared_at desc, e.name")
			.param("firm", firm.value())
			.param("client", client.value())
			.query(EngagementSharing::sharedCase)
			.list();
	}

	Optional<SharedCase> sharedCase(FirmId firm, ClientId client, EngagementId id) {
		return jdbc.sql(CASES + " and e.id = :id")
			.param("firm", firm.value())
			.param("client", client.value())
			.param("id", id.value())
			.query(EngagementSharing::sharedCase)
			.optional();
	}

	private static SharedCase sharedCase(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		var due = rs.getDate("due_date");
		var at = rs.getTimestamp("portal_shared_at");
		return new SharedCase(new EngagementId(rs.getObject("id", UUID.class)), rs.getString("name"),
				rs.getString("type"), rs.getString("period"), rs.getString("stage"),
				due == null ? null : due.toLocalDate(), at == null ? null : at.toInstant());
	}

	List<StaffId> chosenRecipients(EngagementId id) {
		return jdbc.sql("select staff_id from engagement_activity_recipient where engagement_id = :id order by staff_id")
			.param("id", id.value())
			.query((rs, n) -> new StaffId(rs.getObject(1, UUID.class)))
			.list();
	}

	void chooseRecipients(FirmId firm, EngagementId id, Collection<StaffId> staff) {
		jdbc.sql("delete from engagement_activity_recipient where engagement_id = :id").param("id", id.value()).update();
		for (var person : staff) {
			jdbc.sql("insert into engagement_activity_recipient (engagement_id, staff_id, firm_id) values (:id, :staff, :firm)")
				.param("id", id.value())
				.param("staff", person.value())
				.param("firm", firm.value())
				.update();
		}
		jdbc.sql("update engagement set activity_recipients_chosen = true where id = :id and firm_id = :firm")
			.param("id", id.value())
			.param("firm", firm.value())
			.update();
	}

	void useDefaultRecipients(FirmId firm, EngagementId id) {
		jdbc.sql("delete from engagement_activity_recipient where engagement_id = :id").param("id", id.value()).update();
		jdbc.sql("update engagement set activity_recipients_chosen = false where id = :id and firm_id = :firm")
			.param("id", id.value())
			.param("firm", firm.value())
			.update();
	}
}

package io.atrium.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmId;

/**
 * The firm's staff as lists and pickers show them, read straight into {@link StaffView}s, by name: pages such as the
 * client list name every colleague of a firm of hundreds, and mapping whole aggregates for that costs more than the
 * query.
 */
@Component
class StaffDirectory {

	private final JdbcClient jdbc;

	StaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone in the firm. */
	List<StaffView> all(FirmId firm) {
		return select(firm, "", Map.of());
	}

	/** The active staff of the firm. */
	List<StaffView> active(FirmId firm) {
		return select(firm, " and status = :active", Map.of("active", StaffStatus.ACTIVE.name()));
	}

	/** The active staff of the firm among {@code ids}: only those rows are read. */
	List<StaffView> activeAmong(FirmId firm, Collection<StaffId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return select(firm, " and status = :active and id in (:ids)", Map.of("active", StaffStatus.ACTIVE.name(), "ids",
				ids.stream().map(StaffId::value).distinct().toList()));
	}

	private List<StaffView> select(FirmId firm, String condition, Map<String, ?> params) {
		return jdbc.sql("select id, full_name, email, firm_role, status, last_sign_in_at, created_at from staff_user"
				+ " where firm_id = :firm" + condition + " order by lower(full_name), email")
			.param("firm", firm.value())
			.params(params)
			.query((rs, n) -> view(rs))
			.list();
	}

	private static StaffView view(ResultSet rs) throws SQLException {
		var lastSignIn = rs.getTimestamp("last_sign_in_at");
		return new StaffView(new StaffId(rs.getObject("id", UUID.class)), rs.getString("full_name"),
				rs.getString("email"), FirmRole.valueOf(rs.getString("firm_role")),
				StaffStatus.valueOf(rs.getString("status")), lastSignIn == null ? null : lastSignIn.toInstant(),
				rs.getTimestamp("created_at").toInstant());
	}
}

package io.atrium.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmId;

/**
 * The firm's staff as lists and pickers show them, read straight into {@link StaffView}s: pages such as the client
 * list name every colleague of a firm of hundreds, and mapping whole aggregates for that costs more than the query.
 */
@Component
class StaffDirectory {

	private static final String COLUMNS = "id, full_name, email, firm_role, status, last_sign_in_at, created_at";

	private final JdbcClient jdbc;

	StaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone in the firm, by name. */
	List<StaffView> all(FirmId firm) {
		return jdbc.sql("select " + COLUMNS + " from staff_user where firm_id = :firm order by lower(full_name), email")
			.param("firm", firm.value())
			.query((rs, n) -> view(rs))
			.list();
	}

	/** The active staff of the firm, by name. */
	List<StaffView> active(FirmId firm) {
		return jdbc.sql("select " + COLUMNS + " from staff_user where firm_id = :firm and status = :active"
				+ " order by lower(full_name), email")
			.param("firm", firm.value())
			.param("active", StaffStatus.ACTIVE.name())
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

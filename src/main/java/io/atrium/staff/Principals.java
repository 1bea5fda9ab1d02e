package io.atrium.staff;

import java.util.EnumSet;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the signed-in principal of a staff user: firm role plus the permissions and built-in teams of their teams.
 * Runs on every request of a signed-in staff user ({@link StaffSessionRefresh}), so it reads only the two columns it
 * needs of the user's teams, never the teams' members.
 */
@Component
class Principals {

	private final JdbcClient jdbc;

	Principals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	StaffPrincipal of(StaffUser user) {
		var permissions = EnumSet.noneOf(Permission.class);
		var builtIn = EnumSet.noneOf(BuiltInTeam.class);
		jdbc.sql("select t.built_in, t.permissions from team t join team_member m on m.team_id = t.id where m.staff_id = :staff")
			.param("staff", user.id().value())
			.query((RowCallbackHandler) rs -> {
				permissions.addAll(Team.decode(rs.getString("permissions")));
				var kind = rs.getString("built_in");
				if (kind != null) {
					builtIn.add(BuiltInTeam.valueOf(kind));
				}
			});
		return new StaffPrincipal(user.id(), user.firm(), user.email(), user.name(), user.role(), permissions, builtIn);
	}
}

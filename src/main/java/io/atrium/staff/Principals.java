package io.atrium.staff;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmId;

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

	/**
	 * The principal of an active staff user as of now, or empty when the user is not (any more) active: the user and
	 * their teams in one statement.
	 */
	Optional<StaffPrincipal> active(StaffId id) {
		var found = new Object() {
			StaffPrincipal user;
			final EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
			final EnumSet<BuiltInTeam> builtIn = EnumSet.noneOf(BuiltInTeam.class);
		};
		jdbc.sql("""
				select u.firm_id, u.email, u.full_name, u.firm_role, t.built_in, t.permissions
				from staff_user u left join team_member m on m.staff_id = u.id left join team t on t.id = m.team_id
				where u.id = :id and u.status = 'ACTIVE'""")
			.param("id", id.value())
			.query((RowCallbackHandler) rs -> {
				if (found.user == null) {
					found.user = new StaffPrincipal(id, new FirmId(rs.getObject("firm_id", UUID.class)),
							rs.getString("email"), rs.getString("full_name"), FirmRole.valueOf(rs.getString("firm_role")));
				}
				team(rs.getString("permissions"), rs.getString("built_in"), found.permissions, found.builtIn);
			});
		return Optional.ofNullable(found.user)
			.map(u -> new StaffPrincipal(u.id(), u.firm(), u.email(), u.name(), u.role(), found.permissions,
					found.builtIn));
	}

	StaffPrincipal of(StaffUser user) {
		var permissions = EnumSet.noneOf(Permission.class);
		var builtIn = EnumSet.noneOf(BuiltInTeam.class);
		jdbc.sql("select t.built_in, t.permissions from team t join team_member m on m.team_id = t.id where m.staff_id = :staff")
			.param("staff", user.id().value())
			.query((RowCallbackHandler) rs -> team(rs.getString("permissions"), rs.getString("built_in"), permissions,
					builtIn));
		return new StaffPrincipal(user.id(), user.firm(), user.email(), user.name(), user.role(), permissions, builtIn);
	}

	private static void team(String permissions, String kind, EnumSet<Permission> allPermissions,
			EnumSet<BuiltInTeam> builtIn) {
		if (permissions != null) {
			allPermissions.addAll(Team.decode(permissions));
		}
		if (kind != null) {
			builtIn.add(BuiltInTeam.valueOf(kind));
		}
	}
}

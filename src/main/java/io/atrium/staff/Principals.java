package io.atrium.staff;

import java.util.EnumSet;

import org.springframework.stereotype.Component;

/** Builds the signed-in principal of a staff user: firm role plus the permissions and built-in teams of their teams. */
@Component
class Principals {

	private final TeamRepository teams;

	Principals(TeamRepository teams) {
		this.teams = teams;
	}

	StaffPrincipal of(StaffUser user) {
		var permissions = EnumSet.noneOf(Permission.class);
		var builtIn = EnumSet.noneOf(BuiltInTeam.class);
		for (var team : teams.findByMember(user.id().value())) {
			permissions.addAll(team.permissions());
			if (team.isBuiltIn()) {
				builtIn.add(team.kind());
			}
		}
		return new StaffPrincipal(user.id(), user.firm(), user.email(), user.name(), user.role(), permissions, builtIn);
	}
}

package io.atrium.staff;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import io.atrium.firm.FirmId;

/**
 * The demo firm's colleagues, in the built-in teams. They share the Owner's password so that a newcomer can sign in as each of them and
 * see the firm through their role; other modules add their demo data when they hear {@link FirmSetUp} with demo
 * data asked for.
 */
@Component
class DemoStaff {

	private static final List<String[]> PEOPLE = List.of(
			new String[] { "Avery Lin", "ADMIN", "" },
			new String[] { "Jordan Patel", "MEMBER", "PREPARERS" },
			new String[] { "Morgan Reyes", "MEMBER", "REVIEWERS" },
			new String[] { "Sam Okafor", "MEMBER", "SIGNERS" },
			new String[] { "Riley Novak", "MEMBER", "PREPARERS" },
			new String[] { "Casey Brooks", "MEMBER", "REVIEWERS" });

	private final StaffRepository staff;
	private final TeamRepository teams;
	private final Clock clock;

	DemoStaff(StaffRepository staff, TeamRepository teams, Clock clock) {
		this.staff = staff;
		this.teams = teams;
		this.clock = clock;
	}

	void fill(FirmId firm, StaffUser owner) {
		var domain = owner.email().substring(owner.email().indexOf('@') + 1);
		for (var person : PEOPLE) {
			var email = person[0].toLowerCase().replace(' ', '.') + "@" + domain;
			if (staff.findByEmail(email).isPresent()) {
				continue;
			}
			var user = StaffUser.invited(firm, email, person[0], FirmRole.valueOf(person[1]), clock.instant());
			user.acceptInvitation(person[0], owner.passwordHash());
			staff.save(user);
			if (!person[2].isEmpty()) {
				var kind = BuiltInTeam.valueOf(person[2]);
				teams.findAllInFirm(firm.value()).stream().filter(t -> t.kind() == kind).findFirst().ifPresent(team -> {
					team.add(user.id());
					teams.save(team);
				});
			}
		}
	}
}

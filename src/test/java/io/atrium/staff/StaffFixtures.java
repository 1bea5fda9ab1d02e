package io.atrium.staff;

import java.time.Instant;

import org.springframework.context.ApplicationContext;
import java.util.UUID;

import io.atrium.staff.StaffManagement.NewFirm;

/** Firms and staff for tests: every call makes new, unique addresses, so tests never depend on each other. */
public final class StaffFixtures {

	public static final String PASSWORD = "mellow tangerine harbor lamp";

	private StaffFixtures() {
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	public static String uniqueSlug() {
		return "firm-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new firm and its Owner, signed up through the facade. */
	public static StaffPrincipal aFirmWithOwner(StaffManagement staff) {
		var email = uniqueEmail("owner");
		var owner = staff.signUp(new NewFirm("Firm " + email, uniqueSlug(), "Olive Owner", email, PASSWORD, false));
		return staff.activePrincipal(owner.id()).orElseThrow();
	}

	/** A colleague of {@code role}, made through the application context (for tests outside this package). */
	public static StaffPrincipal aColleague(ApplicationContext context, StaffPrincipal owner, FirmRole role) {
		return aColleague(context.getBean(StaffManagement.class), context.getBean(StaffTokenStore.class), owner, role);
	}

	/**
	 * A Member holding exactly {@code permissions}, through a team of their own; with {@code builtIn} they are also
	 * in that built-in team (whose permissions are then added too, as in the product).
	 */
	public static StaffPrincipal aMember(ApplicationContext context, StaffPrincipal owner,
			java.util.Set<Permission> permissions, BuiltInTeam builtIn) {
		var staff = context.getBean(StaffManagement.class);
		var member = aColleague(context, owner, FirmRole.MEMBER);
		if (!permissions.isEmpty()) {
			var team = staff.createTeam(owner, "Team " + UUID.randomUUID().toString().substring(0, 8), permissions);
			staff.addToTeam(owner, team.id(), member.id());
		}
		if (builtIn != null) {
			var team = staff.teams(owner).stream().filter(t -> t.builtIn() == builtIn).findFirst().orElseThrow();
			staff.addToTeam(owner, team.id(), member.id());
		}
		return staff.activePrincipal(member.id()).orElseThrow();
	}

	/** A colleague invited by {@code owner} with {@code role} who accepted the invitation. */
	public static StaffPrincipal aColleague(StaffManagement staff, StaffTokenStore tokens, StaffPrincipal owner,
			FirmRole role) {
		var email = uniqueEmail(role.name().toLowerCase());
		var invited = staff.invite(owner, email, "Colleague " + email.substring(email.indexOf('-') + 1, email.indexOf('@')), role);
		var now = Instant.now();
		var token = tokens.issue(invited.id(), owner.firm(), StaffTokenStore.Purpose.INVITATION, now,
				now.plus(StaffManagement.INVITATION_LIFETIME));
		staff.acceptInvitation(token.value(), invited.name(), PASSWORD);
		return staff.activePrincipal(invited.id()).orElseThrow();
	}
}

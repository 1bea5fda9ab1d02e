package io.atrium.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.client.NewClient;
import io.atrium.firm.FirmId;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.FirmRole;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffInvited;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** Colleagues, teams and clients for the engagement module's tests; every call makes new, unique ones. */
final class EngagementFixtures {

	private EngagementFixtures() {
	}

	/**
	 * A colleague invited by {@code owner} who accepted the invitation; the link's token is taken from the recorded
	 * {@link StaffInvited} event, as the email carries it. Signs in with {@link StaffFixtures#PASSWORD}.
	 */
	static StaffPrincipal aColleague(StaffManagement staff, ApplicationEvents events, StaffPrincipal owner,
			FirmRole role, String name) {
		var email = StaffFixtures.uniqueEmail(name.toLowerCase().replace(' ', '.'));
		var invited = staff.invite(owner, email, name, role);
		var token = events.stream(StaffInvited.class)
			.filter(e -> e.staff().equals(invited.id()))
			.reduce((first, second) -> second)
			.orElseThrow()
			.token();
		staff.acceptInvitation(token, name, StaffFixtures.PASSWORD);
		return staff.activePrincipal(invited.id()).orElseThrow();
	}

	/** A Member in one of the built-in teams (with the team's default permissions). */
	static StaffPrincipal aMemberIn(BuiltInTeam team, StaffManagement staff, ApplicationEvents events,
			StaffPrincipal owner, String name) {
		var member = aColleague(staff, events, owner, FirmRole.MEMBER, name);
		var teamId = staff.teams(owner).stream().filter(t -> t.builtIn() == team).findFirst().orElseThrow().id();
		staff.addToTeam(owner, teamId, member.id());
		return staff.activePrincipal(member.id()).orElseThrow();
	}

	/** A Member in a team of the firm's own with exactly {@code permissions} (not one of the built-in teams). */
	static StaffPrincipal aMemberWith(Set<Permission> permissions, StaffManagement staff, ApplicationEvents events,
			StaffPrincipal owner, String name) {
		var member = aColleague(staff, events, owner, FirmRole.MEMBER, name);
		var team = staff.createTeam(owner, "Team " + UUID.randomUUID().toString().substring(0, 8), permissions);
		staff.addToTeam(owner, team.id(), member.id());
		return staff.activePrincipal(member.id()).orElseThrow();
	}

	static ClientId anIndividual(ClientManagement clients, StaffPrincipal owner, String name) {
		return clients.create(owner, new NewClient(ClientType.INDIVIDUAL, name, null, null, null)).id();
	}

	static ClientId aBusiness(ClientManagement clients, StaffPrincipal owner, String name) {
		return clients.create(owner, new NewClient(ClientType.BUSINESS, name, null, null, null)).id();
	}

	/** Many clients at once, written straight into the table (as an import would), for the bulk tests. */
	static List<ClientId> manyClients(JdbcTemplate jdbc, StaffPrincipal owner, int count) {
		var ids = new ArrayList<ClientId>();
		var rows = new ArrayList<Object[]>();
		var now = Timestamp.from(Instant.now());
		for (int i = 0; i < count; i++) {
			var id = UUID.randomUUID();
			ids.add(new ClientId(id));
			var name = "Bulk client " + String.format("%05d", i);
			rows.add(new Object[] { id, owner.firm().value(), i % 2 == 0 ? "INDIVIDUAL" : "BUSINESS", name,
					name.toLowerCase(), "ACTIVE", now });
		}
		jdbc.batchUpdate("insert into client (id, firm_id, type, name, name_lower, status, created_at, version)"
				+ " values (?, ?, ?, ?, ?, ?, ?, 0)", rows);
		return ids;
	}

	/**
	 * The summaries of the firm's audit entries of one action, newest first. Read with SQL: the audit module listens
	 * to this one, so this one's tests may not use the audit module's types (that would be a cycle).
	 */
	static List<String> audited(JdbcClient jdbc, FirmId firm, String action) {
		return jdbc.sql("select summary from audit_event where firm_id = :firm and action = :action order by seq desc")
			.param("firm", firm.value())
			.param("action", action)
			.query(String.class)
			.list();
	}
}

package io.atrium.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.atrium.client.AssignmentFilter;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.FirmRole;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;

/** The visibility conditions, run against a small database of their own: who sees which client. */
class AssignmentScopeTest {

	private final AssignmentScope scope = new AssignmentScope();
	private final FirmId firm = FirmId.random();
	private JdbcClient jdbc;

	private final UUID assignedAtClientLevel = UUID.randomUUID();
	private final UUID assignedOnAnEngagement = UUID.randomUUID();
	private final UUID someoneElses = UUID.randomUUID();
	private final UUID nobodys = UUID.randomUUID();

	private final StaffId me = new StaffId(UUID.randomUUID());
	private final StaffId other = new StaffId(UUID.randomUUID());

	@BeforeEach
	void database() {
		var source = new DriverManagerDataSource("jdbc:h2:mem:scope-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
		jdbc = JdbcClient.create(source);
		jdbc.sql("create table client (id uuid primary key, firm_id uuid not null, name varchar(200))").update();
		jdbc.sql("create table client_assignment (client_id uuid, role varchar(16), staff_id uuid)").update();
		jdbc.sql("create table engagement_assignment (engagement_id uuid, client_id uuid, role varchar(16), staff_id uuid)")
			.update();
		for (var id : List.of(assignedAtClientLevel, assignedOnAnEngagement, someoneElses, nobodys)) {
			jdbc.sql("insert into client (id, firm_id, name) values (?, ?, 'c')").params(id, firm.value()).update();
		}
		clientAssignment(assignedAtClientLevel, AssignmentRole.PREPARER, me);
		clientAssignment(assignedOnAnEngagement, AssignmentRole.PREPARER, other);
		jdbc.sql("insert into engagement_assignment values (?, ?, 'REVIEWER', ?)")
			.params(UUID.randomUUID(), assignedOnAnEngagement, me.value())
			.update();
		clientAssignment(someoneElses, AssignmentRole.SIGNER, other);
	}

	private void clientAssignment(UUID client, AssignmentRole role, StaffId staff) {
		jdbc.sql("insert into client_assignment values (?, ?, ?)").params(client, role.name(), staff.value()).update();
	}

	private List<UUID> visible(StaffPrincipal viewer, AssignmentFilter filter) {
		var params = new HashMap<String, Object>();
		var condition = scope.condition(viewer, filter, params);
		return jdbc.sql("select c.id from client c where c.firm_id = :firm and " + condition)
			.params(params)
			.param("firm", firm.value())
			.query(UUID.class)
			.list();
	}

	private StaffPrincipal member(Set<Permission> permissions) {
		return new StaffPrincipal(me, firm, "me@example.test", "Me", FirmRole.MEMBER, permissions,
				Set.of(BuiltInTeam.PREPARERS));
	}

	@Test
	void ownersAndAdminsSeeEveryClient() {
		for (var role : List.of(FirmRole.OWNER, FirmRole.ADMIN)) {
			var viewer = new StaffPrincipal(me, firm, "me@example.test", "Me", role);
			assertThat(visible(viewer, AssignmentFilter.NONE)).hasSize(4);
		}
		var params = new HashMap<String, Object>();
		assertThat(scope.condition(new StaffPrincipal(me, firm, "e", "n", FirmRole.OWNER), AssignmentFilter.NONE, params))
			.isEqualTo("1 = 1");
		assertThat(params).isEmpty();
	}

	@Test
	void accessAllClientsSeesEveryClient() {
		assertThat(visible(member(Set.of(Permission.ACCESS_ALL_CLIENTS)), AssignmentFilter.NONE)).hasSize(4);
	}

	@Test
	void othersNeedViewClientsAndAnAssignmentOnTheClientOrOneOfItsEngagements() {
		assertThat(visible(member(Set.of(Permission.VIEW_CLIENTS)), AssignmentFilter.NONE))
			.containsExactlyInAnyOrder(assignedAtClientLevel, assignedOnAnEngagement);
	}

	@Test
	void anAssignmentWithoutViewClientsShowsNothing() {
		var viewer = member(Set.of(Permission.PREPARE, Permission.EDIT_CLIENTS));
		assertThat(scope.condition(viewer, AssignmentFilter.NONE, new HashMap<>())).isEqualTo("1 = 0");
		assertThat(visible(viewer, AssignmentFilter.NONE)).isEmpty();
	}

	@Test
	void filtersByClientLevelAssigneeAndRoleAndByEmptyRoles() {
		var owner = new StaffPrincipal(me, firm, "me@example.test", "Me", FirmRole.OWNER);
		assertThat(visible(owner, new AssignmentFilter(other, null, null)))
			.containsExactlyInAnyOrder(assignedOnAnEngagement, someoneElses);
		assertThat(visible(owner, new AssignmentFilter(other, AssignmentRole.SIGNER, null))).containsExactly(someoneElses);
		assertThat(visible(owner, new AssignmentFilter(null, AssignmentRole.PREPARER, null)))
			.containsExactlyInAnyOrder(assignedAtClientLevel, assignedOnAnEngagement);
		assertThat(visible(owner, new AssignmentFilter(null, null, AssignmentRole.PREPARER)))
			.containsExactlyInAnyOrder(someoneElses, nobodys);
		// filters narrow what a member sees, never widen it
		assertThat(visible(member(Set.of(Permission.VIEW_CLIENTS)), new AssignmentFilter(other, null, null)))
			.containsExactly(assignedOnAnEngagement);
	}

	@Test
	void namesItsParametersSoThatTheyCannotCollideWithTheCallers() {
		var params = new HashMap<String, Object>();
		scope.condition(member(Set.of(Permission.VIEW_CLIENTS)),
				new AssignmentFilter(other, AssignmentRole.REVIEWER, AssignmentRole.SIGNER), params);
		assertThat(params.keySet()).allMatch(name -> name.startsWith("scope_"));
		assertThat(params).containsEntry("scope_viewer", me.value()).containsEntry("scope_assignee", other.value());
	}
}

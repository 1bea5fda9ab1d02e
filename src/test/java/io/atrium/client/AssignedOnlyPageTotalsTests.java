package io.atrium.client;

import static io.atrium.client.ClientFixtures.anIndividual;
import static io.atrium.client.ClientFixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientQuery.Sort;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.FirmRole;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * Someone who sees only their assigned clients gets each page and its total from one query: the total counts what
 * they see, on every page and past the last one.
 */
class AssignedOnlyPageTotalsTests extends AtriumIntegrationTest {

	private static final int SIZE = 3;

	private final ApplicationContext context;
	private final ClientManagement clients;
	private final StaffManagement staff;
	private final JdbcClient jdbc;

	StaffPrincipal owner;
	StaffPrincipal member;

	@Autowired
	AssignedOnlyPageTotalsTests(ApplicationContext context, ClientManagement clients, StaffManagement staff,
			JdbcClient jdbc) {
		this.context = context;
		this.clients = clients;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	/** Twelve clients, created a minute apart in the order of their names; the member is assigned to seven. */
	@BeforeEach
	void twelveClientsSevenAssigned() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		member = StaffFixtures.aMember(context, owner, Set.of(Permission.VIEW_CLIENTS), null);
		assertThat(member.seesAllClients()).isFalse();
		for (int i = 1; i <= 12; i++) {
			var name = "Client %02d".formatted(i);
			var client = clients.create(owner, anIndividual(name));
			clock.advance(Duration.ofMinutes(1));
			if (List.of(1, 2, 4, 6, 7, 9, 12).contains(i)) {
				assign(jdbc, member, client.id(), AssignmentRole.ASSIGNED_TO);
			}
		}
	}

	@Test
	void theTotalIsWhatTheMemberSeesOnEveryPage() {
		var first = clients.search(member, byName(0));
		assertThat(names(first)).containsExactly("Client 01", "Client 02", "Client 04");
		assertThat(first.total()).isEqualTo(7);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hasNext()).isTrue();

		var second = clients.search(member, byName(1));
		assertThat(names(second)).containsExactly("Client 06", "Client 07", "Client 09");
		assertThat(second.total()).isEqualTo(7);

		var last = clients.search(member, byName(2));
		assertThat(names(last)).containsExactly("Client 12");
		assertThat(last.total()).isEqualTo(7);
		assertThat(last.hasNext()).isFalse();
	}

	@Test
	void aPagePastTheEndIsEmptyWithTheSameTotal() {
		var past = clients.search(member, byName(3));
		assertThat(past.clients()).isEmpty();
		assertThat(past.total()).isEqualTo(7);
		assertThat(clients.search(member, byName(40)).total()).isEqualTo(7);
	}

	@Test
	void theOrderHoldsForOtherSortsAndTheTotalForFilters() {
		var newestFirst = clients.search(member, new ClientQuery(null, null, null, null, Sort.CREATED, true, 0, SIZE));
		assertThat(names(newestFirst)).containsExactly("Client 12", "Client 09", "Client 07");
		assertThat(newestFirst.total()).isEqualTo(7);

		var byNameDescending = clients.search(member, new ClientQuery(null, null, null, null, Sort.NAME, true, 2, SIZE));
		assertThat(names(byNameDescending)).containsExactly("Client 01");

		var search = clients.search(member, new ClientQuery("client 1", null, null, null, null, false, 0, 1));
		assertThat(names(search)).containsExactly("Client 12");
		assertThat(search.total()).as("of 10, 11 and 12 the member sees one").isEqualTo(1);
		assertThat(clients.count(member, ClientQuery.everything())).isEqualTo(7);
	}

	@Test
	void anAdminSeesEveryClientInTheTotal() {
		var admin = StaffFixtures.aColleague(context, owner, FirmRole.ADMIN);
		var first = clients.search(admin, byName(0));
		assertThat(names(first)).containsExactly("Client 01", "Client 02", "Client 03");
		assertThat(first.total()).isEqualTo(12);
		assertThat(clients.search(admin, byName(3)).total()).isEqualTo(12);
		assertThat(clients.search(admin, byName(4)).clients()).isEmpty();
	}

	private static ClientQuery byName(int page) {
		return new ClientQuery(null, null, null, null, Sort.NAME, false, page, SIZE);
	}

	private static List<String> names(ClientPage page) {
		return page.clients().stream().map(ClientView::name).toList();
	}
}

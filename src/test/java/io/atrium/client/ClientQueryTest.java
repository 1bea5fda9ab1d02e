package io.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

class ClientQueryTest {

	@Test
	void readsRequestParametersWithActiveClientsByNameAsTheDefault() {
		var query = ClientQuery.fromParameters(Map.<String, String>of()::get, 25);
		assertThat(query).isEqualTo(ClientQuery.active());
		assertThat(query.isFiltered()).isFalse();
		assertThat(query.parameters(true)).isEmpty();
	}

	@Test
	void readsEveryFilterAndWritesItBackTheSameWay() {
		var staff = UUID.randomUUID();
		var parameters = Map.of("q", " Garcia ", "type", "Business", "status", "all", "assignee", staff.toString(),
				"assigneeRole", "preparer", "unassigned", "SIGNER", "sort", "created", "dir", "desc", "page", "3");
		var query = ClientQuery.fromParameters(parameters::get, 25);
		assertThat(query.text()).isEqualTo("Garcia");
		assertThat(query.type()).isEqualTo(ClientType.BUSINESS);
		assertThat(query.status()).isNull();
		assertThat(query.assignment()).isEqualTo(new AssignmentFilter(new StaffId(staff), AssignmentRole.PREPARER,
				AssignmentRole.SIGNER));
		assertThat(query.sort()).isEqualTo(ClientQuery.Sort.CREATED);
		assertThat(query.descending()).isTrue();
		assertThat(query.page()).isEqualTo(2);
		assertThat(query.isFiltered()).isTrue();

		var again = ClientQuery.fromParameters(query.parameters(true)::get, 25);
		assertThat(again).isEqualTo(query.withPage(0));
		assertThat(query.parameters(false)).doesNotContainKeys("sort", "dir", "page");
	}

	@Test
	void anUnreadableFilterNamesTheParameter() {
		assertRejected(Map.of("type", "robot"), "type");
		assertRejected(Map.of("status", "deleted"), "status");
		assertRejected(Map.of("assignee", "42"), "assignee");
		assertRejected(Map.of("assigneeRole", "boss"), "assigneeRole");
		assertRejected(Map.of("sort", "email"), "sort");
		assertRejected(Map.of("dir", "up"), "dir");
		assertRejected(Map.of("q", "x".repeat(201)), "q");
	}

	@Test
	void anUnreadablePageIsTheFirstAndSizesAreCapped() {
		assertThat(ClientQuery.fromParameters(Map.of("page", "abc")::get, 25).page()).isZero();
		assertThat(ClientQuery.fromParameters(Map.of("page", "-4")::get, 25).page()).isZero();
		assertThat(ClientQuery.fromParameters(Map.of("page", "99999999999")::get, 25).page()).isZero();
		assertThat(ClientQuery.fromParameters(Map.<String, String>of()::get, 5000).size()).isEqualTo(100);
	}

	private static void assertRejected(Map<String, String> parameters, String field) {
		assertThatThrownBy(() -> ClientQuery.fromParameters(parameters::get, 25))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
	}
}

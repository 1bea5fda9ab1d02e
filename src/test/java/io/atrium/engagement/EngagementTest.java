package io.atrium.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

class EngagementTest {

	private final FirmId firm = FirmId.random();
	private final ClientId client = new ClientId(UUID.randomUUID());
	private final UUID type = UUID.randomUUID();
	private final UUID stage = UUID.randomUUID();
	private final Instant now = Instant.parse("2026-01-05T10:00:00Z");

	private Engagement anEngagement() {
		return Engagement.open(firm, client, "  2025 1120S ", type, " 2025 ", LocalDate.of(2026, 3, 16), stage, now);
	}

	@Test
	void opensWithTrimmedDetailsAndNoAssignmentsOfItsOwn() {
		var engagement = anEngagement();
		assertThat(engagement.name()).isEqualTo("2025 1120S");
		assertThat(engagement.period()).isEqualTo("2025");
		assertThat(engagement.stageId()).isEqualTo(stage);
		assertThat(engagement.firm()).isEqualTo(firm);
		assertThat(engagement.client()).isEqualTo(client);
		for (var role : AssignmentRole.values()) {
			assertThat(engagement.assigned(role)).as("inherits %s from the client", role).isNull();
		}
	}

	@Test
	void refusesAMissingOrOverlongNameAndAnOverlongPeriod() {
		assertThatThrownBy(() -> Engagement.open(firm, client, "   ", type, null, null, stage, now))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> {
				assertThat(e.field()).isEqualTo("name");
				assertThat(e.messageKey()).isEqualTo("engagement.name.required");
			});
		assertThatThrownBy(() -> Engagement.open(firm, client, "x".repeat(121), type, null, null, stage, now))
			.hasMessage("engagement.name.too-long");
		assertThat(Engagement.open(firm, client, "x".repeat(120), type, null, null, stage, now).name()).hasSize(120);
		assertThatThrownBy(() -> Engagement.open(firm, client, "2025 1040", type, "y".repeat(41), null, stage, now))
			.hasMessage("engagement.period.too-long");
		assertThat(Engagement.open(firm, client, "2025 1040", type, "  ", null, stage, now).period()).isNull();
	}

	@Test
	void updateSaysWhatChanged() {
		var engagement = anEngagement();
		assertThat(engagement.update("2025 1120S", type, "2025", LocalDate.of(2026, 3, 16))).isEmpty();
		var otherType = UUID.randomUUID();
		assertThat(engagement.update("2025 1120-S", otherType, "2025", LocalDate.of(2026, 9, 15)))
			.containsExactly("name", "type", "due date");
		assertThat(engagement.typeId()).isEqualTo(otherType);
		assertThatThrownBy(() -> engagement.update("", type, null, null)).hasMessage("engagement.name.required");
	}

	@Test
	void movesToAnotherStageOnlyWhenItIsAnother() {
		var engagement = anEngagement();
		assertThat(engagement.moveTo(stage)).isFalse();
		var review = UUID.randomUUID();
		assertThat(engagement.moveTo(review)).isTrue();
		assertThat(engagement.stageId()).isEqualTo(review);
	}

	@Test
	void anOwnAssignmentOverridesTheClientsAndClearingItInheritsAgain() {
		var engagement = anEngagement();
		var jane = new StaffId(UUID.randomUUID());
		var marcus = new StaffId(UUID.randomUUID());

		assertThat(engagement.assign(AssignmentRole.PREPARER, jane, now)).isNull();
		assertThat(engagement.assigned(AssignmentRole.PREPARER)).isEqualTo(jane);
		assertThat(engagement.assign(AssignmentRole.PREPARER, marcus, now)).isEqualTo(jane);
		assertThat(engagement.assigned(AssignmentRole.PREPARER)).isEqualTo(marcus);
		assertThat(engagement.assign(AssignmentRole.PREPARER, marcus, now)).as("no change").isEqualTo(marcus);
		assertThat(engagement.assigned(AssignmentRole.REVIEWER)).isNull();
		assertThat(engagement.isAssigned(marcus)).isTrue();
		assertThat(engagement.isAssigned(jane)).isFalse();

		assertThat(engagement.assign(AssignmentRole.PREPARER, null, now)).isEqualTo(marcus);
		assertThat(engagement.assigned(AssignmentRole.PREPARER)).isNull();
		assertThat(engagement.isAssigned(marcus)).isFalse();
	}

	@Test
	void onePersonMayHoldSeveralRoles() {
		var engagement = anEngagement();
		var jane = new StaffId(UUID.randomUUID());
		engagement.assign(AssignmentRole.PREPARER, jane, now);
		engagement.assign(AssignmentRole.SIGNER, jane, now);
		assertThat(engagement.assigned(AssignmentRole.PREPARER)).isEqualTo(jane);
		assertThat(engagement.assigned(AssignmentRole.SIGNER)).isEqualTo(jane);
	}
}

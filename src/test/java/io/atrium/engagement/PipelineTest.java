package io.atrium.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** The pipeline shows the first cards of each stage, soonest due first, and counts them all. */
class PipelineTest extends AtriumIntegrationTest {

	private final StaffManagement staff;
	private final ClientManagement clients;
	private final EngagementManagement engagements;

	@Autowired
	PipelineTest(StaffManagement staff, ClientManagement clients, EngagementManagement engagements) {
		this.staff = staff;
		this.clients = clients;
		this.engagements = engagements;
	}

	@Test
	void aFullStageShowsItsSoonestDueCardsAndCountsTheRest() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		var stages = engagements.list(owner, SettingsList.PIPELINE_STAGES);
		var first = stages.get(0).id();
		var second = stages.get(1).id();
		var zeta = EngagementFixtures.anIndividual(clients, owner, "Zeta Zimmer");
		var alpha = EngagementFixtures.anIndividual(clients, owner, "alpha Adams");
		var gone = EngagementFixtures.anIndividual(clients, owner, "Archived Arden");
		var start = LocalDate.of(2026, 1, 1);
		var extra = EngagementManagement.CARDS_PER_STAGE + 5;
		for (int i = 0; i < extra; i++) {
			// every third without a due date; the others on dates that repeat, so that the client name breaks ties
			var due = i % 3 == 0 ? null : start.plusDays(extra - i % 40);
			engagements.open(owner, i % 2 == 0 ? zeta : alpha, new EngagementDraft("Return " + i, type, "2025", due, first));
		}
		engagements.open(owner, alpha, new EngagementDraft("Bookkeeping", type, "2025", null, second));
		engagements.open(owner, gone, new EngagementDraft("Old return", type, "2024", start, second));
		clients.archive(owner, gone);

		var pipeline = engagements.pipeline(owner, PipelineFilter.NONE);

		var full = pipeline.columns().stream().filter(c -> c.stage().id().equals(first)).findFirst().orElseThrow();
		assertThat(full.total()).isEqualTo(extra);
		assertThat(full.cards()).hasSize(EngagementManagement.CARDS_PER_STAGE);
		assertThat(full.more()).isEqualTo(5);
		var expected = new ArrayList<>(full.cards());
		expected.sort(Comparator.comparing(PipelineCard::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(c -> c.clientName().toLowerCase()));
		assertThat(full.cards()).containsExactlyElementsOf(expected);
		assertThat(full.cards()).filteredOn(c -> c.dueDate() == null).hasSize(EngagementManagement.CARDS_PER_STAGE
				- (extra - (extra + 2) / 3));
		assertThat(full.cards().get(0).clientName()).isEqualTo("alpha Adams");

		var other = pipeline.columns().stream().filter(c -> c.stage().id().equals(second)).findFirst().orElseThrow();
		assertThat(other.total()).as("the archived client's engagement is not on the pipeline").isEqualTo(1);
		assertThat(other.cards()).extracting(PipelineCard::name).containsExactly("Bookkeeping");
		assertThat(pipeline.columns()).filteredOn(c -> !c.stage().id().equals(first) && !c.stage().id().equals(second))
			.allSatisfy(c -> assertThat(c.total()).isZero());
	}
}

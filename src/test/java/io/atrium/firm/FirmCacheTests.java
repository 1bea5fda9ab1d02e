package io.atrium.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.StaffFixtures;

/** Firms are remembered for a few seconds, but a rebrand on this node shows at once. */
class FirmCacheTests extends AtriumIntegrationTest {

	private final FirmManagement firms;

	@Autowired
	FirmCacheTests(FirmManagement firms) {
		this.firms = firms;
	}

	@Test
	void aRebrandShowsAtOnceByIdAndByPortalAddress() {
		var firm = firms.create("Harbor & Pine CPAs", StaffFixtures.uniqueSlug());
		assertThat(firms.get(firm.id()).name()).isEqualTo("Harbor & Pine CPAs");
		assertThat(firms.findBySlug(firm.slug().toUpperCase())).map(FirmView::name).contains("Harbor & Pine CPAs");

		firms.rebrand(firm.id(), "Harbor Pine Advisors", "#aa3300");

		assertThat(firms.get(firm.id())).extracting(FirmView::name, FirmView::accentColour)
			.containsExactly("Harbor Pine Advisors", "#aa3300");
		assertThat(firms.findBySlug(firm.slug())).map(FirmView::name).contains("Harbor Pine Advisors");
		assertThat(firms.findBySlug(firm.slug().toUpperCase())).map(FirmView::name).contains("Harbor Pine Advisors");
	}

	@Test
	void aRefusedRebrandLeavesTheFirmAsItWas() {
		var firm = firms.create("Harbor & Pine CPAs", StaffFixtures.uniqueSlug());
		firms.get(firm.id());
		assertThatThrownBy(() -> firms.rebrand(firm.id(), "Harbor Pine Advisors", "orange"))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(firms.get(firm.id()).name()).isEqualTo("Harbor & Pine CPAs");
		assertThat(firms.findBySlug(firm.slug())).map(FirmView::name).contains("Harbor & Pine CPAs");
	}

	@Test
	void anUnknownFirmIsNotRememberedAsMissing() {
		var slug = StaffFixtures.uniqueSlug();
		assertThat(firms.findBySlug(slug)).isEmpty();
		var firm = firms.create("New Firm LLP", slug);
		assertThat(firms.findBySlug(slug)).map(FirmView::id).contains(firm.id());
		assertThatThrownBy(() -> firms.get(new FirmId(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
	}
}

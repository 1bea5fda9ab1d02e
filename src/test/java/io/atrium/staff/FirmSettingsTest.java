package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.firm.FirmManagement;

class FirmSettingsTest extends AtriumIntegrationTest {

	private final StaffManagement staff;
	private final StaffTokenStore tokens;
	private final FirmManagement firms;

	@Autowired
	FirmSettingsTest(StaffManagement staff, StaffTokenStore tokens, FirmManagement firms) {
		this.staff = staff;
		this.tokens = tokens;
		this.firms = firms;
	}

	@Test
	void anOwnerRenamesTheFirmAndPicksItsColour() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		var http = visitor();
		http.signIn(owner.email(), StaffFixtures.PASSWORD);
		var saved = http.submit("/app/settings/firm", "/app/settings/firm",
				Map.of("name", "Renamed & Partners", "accentColour", "#AA3300"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(firms.get(owner.firm()).name()).isEqualTo("Renamed & Partners");
		assertThat(firms.get(owner.firm()).accentColour()).isEqualTo("#aa3300");

		var bad = http.submit("/app/settings/firm", "/app/settings/firm",
				Map.of("name", "", "accentColour", "red; background:url(x)"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(firms.get(owner.firm()).accentColour()).isEqualTo("#aa3300");
	}

	@Test
	void aMemberWithoutTheSettingsPermissionIsRefused() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		var member = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.MEMBER);
		var http = visitor();
		http.signIn(member.email(), StaffFixtures.PASSWORD);
		assertThat(http.get("/app/settings/firm").statusCode()).isEqualTo(403);
	}
}

package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;

class TeamTest extends AtriumIntegrationTest {

	@Autowired
	StaffManagement staff;

	@Autowired
	StaffTokenStore tokens;

	StaffPrincipal owner;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
	}

	private TeamView builtIn(BuiltInTeam kind) {
		return staff.teams(owner).stream().filter(t -> t.builtIn() == kind).findFirst().orElseThrow();
	}

	@Test
	void everyFirmStartsWithTheThreeBuiltInTeams() {
		assertThat(staff.teams(owner)).extracting(TeamView::builtIn)
			.containsExactly(BuiltInTeam.PREPARERS, BuiltInTeam.REVIEWERS, BuiltInTeam.SIGNERS);
		assertThat(builtIn(BuiltInTeam.SIGNERS).permissions()).contains(Permission.SIGN_RETURNS, Permission.VIEW_CLIENTS);
	}

	@Test
	void joiningATeamGrantsItsPermissionsToALiveSessionAtOnce() {
		var member = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.MEMBER);
		var http = visitor();
		http.signIn(member.email(), StaffFixtures.PASSWORD);
		assertThat(http.get("/api/v1/me").body()).contains("\"permissions\":[]");

		staff.addToTeam(owner, builtIn(BuiltInTeam.PREPARERS).id(), member.id());
		assertThat(http.get("/api/v1/me").body()).contains("PREPARE").contains("VIEW_CLIENTS");
		assertThat(http.get("/app").body()).contains("/app/clients");

		staff.updateTeam(owner, builtIn(BuiltInTeam.PREPARERS).id(), null, EnumSet.of(Permission.PREPARE));
		assertThat(http.get("/api/v1/me").body()).doesNotContain("VIEW_CLIENTS");

		staff.removeFromTeam(owner, builtIn(BuiltInTeam.PREPARERS).id(), member.id());
		assertThat(http.get("/api/v1/me").body()).contains("\"permissions\":[]");
	}

	@Test
	void onlyEligibleActiveUsersAppearInARolesPicker() {
		var preparer = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.MEMBER);
		var plain = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.MEMBER);
		staff.addToTeam(owner, builtIn(BuiltInTeam.PREPARERS).id(), preparer.id());

		assertThat(staff.eligible(owner.firm(), AssignmentRole.PREPARER)).extracting(StaffView::id)
			.contains(owner.id(), preparer.id())
			.doesNotContain(plain.id());
		assertThat(staff.isEligible(owner.firm(), preparer.id(), AssignmentRole.SIGNER)).isFalse();

		staff.deactivate(owner, preparer.id());
		assertThat(staff.isEligible(owner.firm(), preparer.id(), AssignmentRole.PREPARER)).isFalse();
		var other = StaffFixtures.aFirmWithOwner(staff);
		assertThat(staff.isEligible(owner.firm(), other.id(), AssignmentRole.PREPARER)).isFalse();
	}

	@Test
	void customTeamsAreCreatedRenamedAndDeletedButBuiltInOnesStay() {
		var http = visitor();
		http.signIn(owner.email(), StaffFixtures.PASSWORD);
		var created = http.submit("/app/staff/teams", "/app/staff/teams",
				Map.of("name", "Partners", "permissions", "ACCESS_ALL_CLIENTS"));
		assertThat(created.statusCode()).isEqualTo(302);
		var partners = staff.teams(owner).stream().filter(t -> t.name().equals("Partners")).findFirst().orElseThrow();
		assertThat(partners.permissions()).containsExactly(Permission.ACCESS_ALL_CLIENTS);

		var duplicate = http.submit("/app/staff/teams", "/app/staff/teams", Map.of("name", "Partners"));
		assertThat(duplicate.statusCode()).isEqualTo(422);
		assertThat(duplicate.body()).contains("already exists");
		var blank = http.submit("/app/staff/teams", "/app/staff/teams", Map.of("name", " "));
		assertThat(blank.statusCode()).isEqualTo(422);
		var unknownPermission = http.submit("/app/staff/teams", "/app/staff/teams",
				Map.of("name", "Odd", "permissions", "RULE_THE_WORLD"));
		assertThat(unknownPermission.statusCode()).isEqualTo(422);

		assertThatThrownBy(() -> staff.deleteTeam(owner, builtIn(BuiltInTeam.REVIEWERS).id()))
			.isInstanceOf(InvalidRequestException.class);
		staff.deleteTeam(owner, partners.id());
		assertThat(staff.teams(owner)).hasSize(3);
	}

	@Test
	void membersCannotManageTeamsAndFirmsCannotTouchEachOthersTeams() {
		var member = StaffFixtures.aColleague(staff, tokens, owner, FirmRole.MEMBER);
		var http = visitor();
		http.signIn(member.email(), StaffFixtures.PASSWORD);
		assertThat(http.get("/app/staff/teams").statusCode()).isEqualTo(403);

		var other = StaffFixtures.aFirmWithOwner(staff);
		var theirs = staff.teams(other).get(0).id();
		assertThatThrownBy(() -> staff.addToTeam(owner, theirs, owner.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> staff.addToTeam(owner, builtIn(BuiltInTeam.PREPARERS).id(), other.id()))
			.isInstanceOf(NotFoundException.class);
		var ownerHttp = visitor();
		ownerHttp.signIn(owner.email(), StaffFixtures.PASSWORD);
		var response = ownerHttp.submit("/app/staff/teams", "/app/staff/teams/" + theirs,
				Map.of("permissions", "ACCESS_ALL_CLIENTS"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(staff.teams(other).get(0).permissions()).doesNotContain(Permission.ACCESS_ALL_CLIENTS);
	}
}

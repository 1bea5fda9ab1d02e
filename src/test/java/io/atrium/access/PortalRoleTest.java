package io.atrium.access;

import static io.atrium.access.PortalCapability.CHANGE_SETTINGS;
import static io.atrium.access.PortalCapability.PAY;
import static io.atrium.access.PortalCapability.RECEIVE_NOTIFICATIONS;
import static io.atrium.access.PortalCapability.SIGN;
import static io.atrium.access.PortalCapability.SIGN_IN;
import static io.atrium.access.PortalCapability.UPLOAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The capability matrix of DESIGN.md, cell by cell: 5 roles × upload, sign, pay, change settings, notifications, sign in. */
class PortalRoleTest {

	private static final List<PortalCapability> COLUMNS = List.of(UPLOAD, SIGN, PAY, CHANGE_SETTINGS,
			RECEIVE_NOTIFICATIONS, SIGN_IN);

	private static final Map<PortalRole, List<Boolean>> TABLE = Map.of(
			PortalRole.OWNER, List.of(true, true, true, true, true, true),
			PortalRole.EDITOR, List.of(true, true, true, false, true, true),
			PortalRole.VIEWER, List.of(false, false, false, false, true, true),
			PortalRole.SIGNER, List.of(true, true, true, false, true, true),
			PortalRole.NOTIFY_ONLY, List.of(false, false, false, false, true, false));

	@ParameterizedTest
	@EnumSource(PortalRole.class)
	void grantsExactlyTheCapabilitiesOfTheTable(PortalRole role) {
		for (int i = 0; i < COLUMNS.size(); i++) {
			assertThat(role.can(COLUMNS.get(i))).as(role + " " + COLUMNS.get(i)).isEqualTo(TABLE.get(role).get(i));
		}
	}
}

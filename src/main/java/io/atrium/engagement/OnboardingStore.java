package io.atrium.engagement;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientType;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/** The firm's onboarding defaults (table onboarding_default): per client type and role, at most one person. */
@Component
class OnboardingStore {

	private final JdbcClient jdbc;

	OnboardingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<ClientType, Map<AssignmentRole, StaffId>> all(FirmId firm) {
		var defaults = new EnumMap<ClientType, Map<AssignmentRole, StaffId>>(ClientType.class);
		jdbc.sql("select client_type, role, staff_id from onboarding_default where firm_id = :firm")
			.param("firm", firm.value())
			.query((RowCallbackHandler) rs -> defaults
				.computeIfAbsent(ClientType.valueOf(rs.getString("client_type")), t -> new EnumMap<>(AssignmentRole.class))
				.put(AssignmentRole.valueOf(rs.getString("role")), new StaffId(rs.getObject("staff_id", UUID.class))));
		return defaults;
	}

	Map<AssignmentRole, StaffId> of(FirmId firm, ClientType type) {
		return all(firm).getOrDefault(type, Map.of());
	}

	/** Sets (or, with null, clears) a default; returns the previous one. */
	StaffId set(FirmId firm, ClientType type, AssignmentRole role, StaffId staff) {
		var previous = of(firm, type).get(role);
		if (Objects.equals(previous, staff)) {
			return previous;
		}
		jdbc.sql("delete from onboarding_default where firm_id = :firm and client_type = :type and role = :role")
			.param("firm", firm.value())
			.param("type", type.name())
			.param("role", role.name())
			.update();
		if (staff != null) {
			jdbc.sql("insert into onboarding_default (firm_id, client_type, role, staff_id) values (:firm, :type, :role, :staff)")
				.param("firm", firm.value())
				.param("type", type.name())
				.param("role", role.name())
				.param("staff", staff.value())
				.update();
		}
		return previous;
	}
}

package io.atrium.engagement;

import java.util.List;
import java.util.Map;

import io.atrium.client.ClientType;
import io.atrium.staff.AssignmentRole;

/** The firm's onboarding defaults, one per client type and role, and the eligible staff per role. */
public record OnboardingDefaults(List<OnboardingDefault> defaults, Map<AssignmentRole, List<Assignee>> options) {

	public OnboardingDefault get(ClientType type, AssignmentRole role) {
		return defaults.stream()
			.filter(d -> d.clientType() == type && d.role() == role)
			.findFirst()
			.orElse(new OnboardingDefault(type, role, null, true));
	}

	public List<Assignee> optionsFor(AssignmentRole role) {
		return options.getOrDefault(role, List.of());
	}
}

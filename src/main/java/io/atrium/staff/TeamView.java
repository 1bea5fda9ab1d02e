package io.atrium.staff;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A team as the teams page shows it. {@code builtIn} is null for a firm's own teams. */
public record TeamView(UUID id, String name, BuiltInTeam builtIn, Set<Permission> permissions,
		List<StaffView> members) {
}

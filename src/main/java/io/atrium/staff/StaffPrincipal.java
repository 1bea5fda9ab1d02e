package io.atrium.staff;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.atrium.firm.FirmId;

/** The signed-in staff member, kept in the session and refreshed from the database on every request. */
public record StaffPrincipal(StaffId id, FirmId firm, String email, String name, FirmRole role,
		Set<Permission> permissions, Set<BuiltInTeam> builtInTeams) implements UserDetails {

	public StaffPrincipal {
		permissions = role.managesFirm() ? Set.copyOf(EnumSet.allOf(Permission.class)) : Set.copyOf(permissions);
		builtInTeams = Set.copyOf(builtInTeams);
	}

	/** A principal before team permissions are known: enough for Owners and Admins, who hold every permission. */
	public StaffPrincipal(StaffId id, FirmId firm, String email, String name, FirmRole role) {
		this(id, firm, email, name, role, Set.of(), Set.of());
	}

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_STAFF"), new SimpleGrantedAuthority("ROLE_" + role.name()));
	}

	@Override
	public String getPassword() {
		return null;
	}

	@Override
	public String getUsername() {
		return email;
	}

	public boolean managesFirm() {
		return role.managesFirm();
	}

	/** Owners and Admins hold every permission; Members those of their teams. */
	public boolean can(Permission permission) {
		return permissions.contains(permission);
	}

	/** Sees every client of the firm, assigned or not. */
	public boolean seesAllClients() {
		return managesFirm() || can(Permission.ACCESS_ALL_CLIENTS);
	}

	public boolean inBuiltInTeam() {
		return !builtInTeams.isEmpty();
	}
}

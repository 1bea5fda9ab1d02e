package io.atrium.staff;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.atrium.firm.FirmId;

/** The signed-in staff member, kept in the session and refreshed from the database on every request. */
public record StaffPrincipal(StaffId id, FirmId firm, String email, String name, FirmRole role)
		implements UserDetails {

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
}

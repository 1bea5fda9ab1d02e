package io.atrium.staff;

import java.util.EnumSet;
import java.util.Set;

/** The teams every firm starts with. Members of these may reassign clients they are already assigned to. */
public enum BuiltInTeam {

	PREPARERS("Preparers", EnumSet.of(Permission.VIEW_CLIENTS, Permission.EDIT_CLIENTS, Permission.PREPARE)),
	REVIEWERS("Reviewers", EnumSet.of(Permission.VIEW_CLIENTS, Permission.REVIEW)),
	SIGNERS("Signers", EnumSet.of(Permission.VIEW_CLIENTS, Permission.REVIEW, Permission.SIGN_RETURNS));

	private final String defaultName;
	private final Set<Permission> defaultPermissions;

	BuiltInTeam(String defaultName, Set<Permission> defaultPermissions) {
		this.defaultName = defaultName;
		this.defaultPermissions = defaultPermissions;
	}

	public String defaultName() {
		return defaultName;
	}

	public Set<Permission> defaultPermissions() {
		return EnumSet.copyOf(defaultPermissions);
	}
}

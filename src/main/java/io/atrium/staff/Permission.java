package io.atrium.staff;

/**
 * What a Member may do, granted through teams. Owners and Admins hold every permission. Each role picker of an
 * assignment offers only staff holding the role's permission (see {@link #eligibleFor}).
 */
public enum Permission {

	VIEW_CLIENTS, EDIT_CLIENTS, ACCESS_ALL_CLIENTS, PREPARE, REVIEW, SIGN_RETURNS, MANAGE_PORTAL_ACCESS,
	MANAGE_BILLING, MANAGE_FIRM_SETTINGS;

	/** The permission a staff user needs to appear in the picker of an assignment role. */
	public static Permission eligibleFor(AssignmentRole role) {
		return switch (role) {
			case PREPARER -> PREPARE;
			case REVIEWER -> REVIEW;
			case SIGNER -> SIGN_RETURNS;
			case ASSIGNED_TO -> VIEW_CLIENTS;
		};
	}
}

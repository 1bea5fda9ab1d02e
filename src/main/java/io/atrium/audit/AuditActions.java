package io.atrium.audit;

import java.util.List;

/**
 * The names of audited actions. They are stored with every entry and used in filters and exports, so a name never
 * changes once released; each has a label {@code audit.action.<name>} in {@code messages/audit.properties}.
 */
public final class AuditActions {

	public static final String FIRM_CREATED = "firm.created";
	public static final String FIRM_SET_UP = "firm.set-up";
	public static final String FIRM_REBRANDED = "firm.rebranded";
	public static final String STAFF_INVITED = "staff.invited";
	public static final String STAFF_INVITATION_ACCEPTED = "staff.invitation-accepted";
	public static final String STAFF_PASSWORD_RESET_REQUESTED = "staff.password-reset-requested";
	public static final String STAFF_PASSWORD_RESET = "staff.password-reset";
	public static final String STAFF_PASSWORD_CHANGED = "staff.password-changed";
	public static final String STAFF_SIGNED_IN = "staff.signed-in";
	public static final String STAFF_SIGN_IN_FAILED = "staff.sign-in-failed";
	public static final String STAFF_SIGNED_OUT = "staff.signed-out";
	public static final String STAFF_DEACTIVATED = "staff.deactivated";
	public static final String STAFF_REACTIVATED = "staff.reactivated";
	public static final String STAFF_ROLE_CHANGED = "staff.role-changed";
	public static final String TEAM_CREATED = "team.created";
	public static final String TEAM_CHANGED = "team.changed";
	public static final String TEAM_DELETED = "team.deleted";
	public static final String TEAM_MEMBER_ADDED = "team.member-added";
	public static final String TEAM_MEMBER_REMOVED = "team.member-removed";
	public static final String AUDIT_EXPORTED = "audit.exported";

	/** Every known action, in the order the filter offers them. */
	public static final List<String> ALL = List.of(FIRM_CREATED, FIRM_SET_UP, FIRM_REBRANDED, STAFF_INVITED,
			STAFF_INVITATION_ACCEPTED, STAFF_SIGNED_IN, STAFF_SIGN_IN_FAILED, STAFF_SIGNED_OUT,
			STAFF_PASSWORD_RESET_REQUESTED, STAFF_PASSWORD_RESET, STAFF_PASSWORD_CHANGED, STAFF_ROLE_CHANGED,
			STAFF_DEACTIVATED, STAFF_REACTIVATED, TEAM_CREATED, TEAM_CHANGED, TEAM_DELETED, TEAM_MEMBER_ADDED,
			TEAM_MEMBER_REMOVED, AUDIT_EXPORTED);

	private AuditActions() {
	}

	public static boolean isKnown(String action) {
		return ALL.contains(action);
	}

	public static String labelKey(String action) {
		return "audit.action." + action;
	}
}

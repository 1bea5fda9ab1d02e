package io.atrium.staff;

/**
 * The four roles a staff user can hold on a client or an engagement. Defined here, beside the permissions that
 * make a user eligible for each, so that every module speaks of them the same way.
 */
public enum AssignmentRole {
	PREPARER, REVIEWER, SIGNER, ASSIGNED_TO
}

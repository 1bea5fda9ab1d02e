package io.atrium.staff;

public enum StaffStatus {
	/** Invited by email, no password set yet. */
	INVITED,
	ACTIVE,
	/** Cannot sign in; live sessions end at once. */
	DEACTIVATED
}

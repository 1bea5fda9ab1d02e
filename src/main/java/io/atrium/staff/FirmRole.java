package io.atrium.staff;

/** A staff user's role in the firm. Owners and Admins manage the firm; Members get permissions from teams. */
public enum FirmRole {

	OWNER, ADMIN, MEMBER;

	public boolean managesFirm() {
		return this == OWNER || this == ADMIN;
	}
}

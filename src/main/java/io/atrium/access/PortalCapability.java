package io.atrium.access;

/** What a contact may do in the portal; which role grants which is {@link PortalRole}'s table. */
public enum PortalCapability {
	/** See what the firm shared and download it: every role that signs in. */
	VIEW,
	UPLOAD,
	SIGN,
	PAY,
	/** Manage the client's other contacts' portal access and the client's billing settings from the portal. */
	CHANGE_SETTINGS,
	RECEIVE_NOTIFICATIONS,
	SIGN_IN
}

package io.atrium.access;

/** Where a contact's portal access stands, as the firm's Portal tab shows it. */
public enum PortalAccessStatus {
	NO_ACCESS, INVITED, ENABLED, DISABLED
}

package io.atrium.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * A contact's portal role, exactly as the table in DESIGN.md ("Portal access"): Viewers see and download but change
 * nothing; Notify-only contacts get every email but have no credentials and can never sign in.
 */
public enum PortalRole {

	OWNER(EnumSet.allOf(PortalCapability.class)),
	EDITOR(EnumSet.of(PortalCapability.VIEW, PortalCapability.UPLOAD, PortalCapability.SIGN, PortalCapability.PAY,
			PortalCapability.RECEIVE_NOTIFICATIONS, PortalCapability.SIGN_IN)),
	VIEWER(EnumSet.of(PortalCapability.VIEW, PortalCapability.RECEIVE_NOTIFICATIONS, PortalCapability.SIGN_IN)),
	SIGNER(EnumSet.of(PortalCapability.VIEW, PortalCapability.UPLOAD, PortalCapability.SIGN, PortalCapability.PAY,
			PortalCapability.RECEIVE_NOTIFICATIONS, PortalCapability.SIGN_IN)),
	NOTIFY_ONLY(EnumSet.of(PortalCapability.RECEIVE_NOTIFICATIONS));

	private final Set<PortalCapability> capabilities;

	PortalRole(Set<PortalCapability> capabilities) {
		this.capabilities = capabilities;
	}

	public boolean can(PortalCapability capability) {
		return capabilities.contains(capability);
	}

	public Set<PortalCapability> capabilities() {
		return EnumSet.copyOf(capabilities);
	}

	/** Roles are ordered by power only for one rule: nobody is raised above Owner, and Owner is the top. */
	public boolean signsIn() {
		return can(PortalCapability.SIGN_IN);
	}
}

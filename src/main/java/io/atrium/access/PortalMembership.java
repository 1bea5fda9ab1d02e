package io.atrium.access;

import java.io.Serializable;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;

/**
 * One contact a portal identity may act as: a client, which of its contacts, and that contact's portal role. Two
 * contacts sharing an email (spouses) are two memberships with the same client and different contacts.
 */
public record PortalMembership(ClientId client, String clientName, ContactId contact, String contactName,
		PortalRole role) implements Serializable {

	public boolean can(PortalCapability capability) {
		return role.can(capability);
	}
}

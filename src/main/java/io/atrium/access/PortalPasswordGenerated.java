package io.atrium.access;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * The firm generated a password for a contact (on enabling access or as a reset); the password itself is never in
 * an event.
 */
public record PortalPasswordGenerated(FirmId firm, ClientId client, ContactId contact,
		PortalIdentityId identity, String email, boolean reset, PortalActor by) {
}

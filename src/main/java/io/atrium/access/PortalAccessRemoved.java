package io.atrium.access;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * A contact's portal access was removed (the contact stays, and can be invited again); {@code reason} is one of
 * removed, contact-deleted, email-changed.
 */
public record PortalAccessRemoved(FirmId firm, ClientId client, ContactId contact, String email, String reason,
		PortalActor by) {
}

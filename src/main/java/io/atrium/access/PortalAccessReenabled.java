package io.atrium.access;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/** A disabled contact's access was enabled again. */
public record PortalAccessReenabled(FirmId firm, ClientId client, ContactId contact, String email,
		PortalRole role, PortalActor by) {
}

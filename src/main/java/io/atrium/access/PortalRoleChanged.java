package io.atrium.access;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/** A contact's portal role changed; it applies from their next request. */
public record PortalRoleChanged(FirmId firm, ClientId client, ContactId contact, String email, PortalRole from,
		PortalRole to, PortalActor by) {
}

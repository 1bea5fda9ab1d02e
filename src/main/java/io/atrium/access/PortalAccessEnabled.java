package io.atrium.access;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * A contact's access became Enabled without an invitation: a Notify-only contact, or access with a generated
 * password.
 */
public record PortalAccessEnabled(FirmId firm, ClientId client, ContactId contact, PortalIdentityId identity,
		String email, PortalRole role, PortalActor by) {
}

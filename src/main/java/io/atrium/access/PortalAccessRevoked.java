package io.atrium.access;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/** A contact's access was disabled; their live sessions end on their next request. */
public record PortalAccessRevoked(FirmId firm, ClientId client, ContactId contact, String email, PortalActor by) {
}

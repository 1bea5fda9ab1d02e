package io.atrium.access;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * A contact accepted an invitation: their access is Enabled (and their password set, where the firm uses
 * passwords).
 */
public record PortalInvitationAccepted(FirmId firm, ClientId client, ContactId contact,
		PortalIdentityId identity, String email) {
}

package io.atrium.access;

import java.time.Instant;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * A contact was invited to the portal (or sent a fresh invitation, {@code resent}); the token is the plain link
 * token, for the email only.
 */
public record PortalInvitationSent(FirmId firm, ClientId client, ContactId contact, PortalIdentityId identity,
		String email, String contactName, String clientName, PortalRole role, String note, String token,
		Instant expiresAt, boolean resent, PortalActor by) {

	/** Keeps the link token out of logs. */
	@Override
	public String toString() {
		return "PortalInvitationSent[firm=" + firm + ", contact=" + contact + ", role=" + role + "]";
	}
}

package io.atrium.portal;

import java.io.Serial;
import java.io.Serializable;

import io.atrium.access.PortalIdentityId;
import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * Who is signed in to a firm's portal, kept in the session under the portal's own key: the identity, its firm and
 * address, and the contact it acts as now (which client, and which contact where spouses share an address). Roles
 * are not kept here: they are re-read on every request, so changes apply at once.
 */
public record PortalPrincipal(PortalIdentityId identity, FirmId firm, String slug, String email, ClientId client,
		ContactId contact, int credentialsVersion) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	PortalPrincipal actingAs(ClientId client, ContactId contact) {
		return new PortalPrincipal(identity, firm, slug, email, client, contact, credentialsVersion);
	}
}

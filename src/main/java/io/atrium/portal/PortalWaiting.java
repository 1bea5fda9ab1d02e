package io.atrium.portal;

import java.util.List;

import io.atrium.access.PortalMembership;
import io.atrium.firm.FirmId;

/**
 * What a module has waiting for a contact (open document requests, unread messages; later signatures and
 * invoices), for the portal home. Modules implement it as a bean; the portal asks every one, so the portal depends
 * on none of them.
 */
public interface PortalWaiting {

	/** Only what the contact {@code who} may see in the portal of {@code firm}; {@code slug} builds the links. */
	List<WaitingItem> waitingFor(FirmId firm, String slug, PortalMembership who);
}

package io.atrium.document;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.atrium.access.PortalCapability;
import io.atrium.access.PortalMembership;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientView;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.EngagementRef;
import io.atrium.firm.FirmId;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.StaffPrincipal;

/**
 * Who may do what with documents, in one place for each side.
 * <ul>
 * <li>Staff: seeing the client is everything (read, upload, request, manage); a client they do not see, and
 * anything of it, does not exist for them (404).</li>
 * <li>Contacts: only their own client, and of it only what is shared ({@link io.atrium.engagement.PortalSharing});
 * anything else is "not found", never "forbidden", so that nothing leaks. Uploading (files, answers, attachments)
 * needs a role that may upload: Viewers read only (403).</li>
 * </ul>
 * One exception, for speed: a download checks the same rules inside the statement that reads the file
 * ({@link DocumentQueries#file} with the client module's scope for staff, {@link DocumentQueries#portalFile} with
 * the sharing condition for contacts), instead of asking here first.
 */
@Component
class DocumentPolicy {

	private final ClientManagement clients;
	private final EngagementManagement engagements;

	DocumentPolicy(ClientManagement clients, EngagementManagement engagements) {
		this.clients = clients;
		this.engagements = engagements;
	}

	// ---------------------------------------------------------------- staff

	ClientView requireClient(StaffPrincipal viewer, ClientId client) {
		if (client == null) {
			throw new NotFoundException("client");
		}
		return clients.get(viewer, client);
	}

	/** An engagement of {@code client} (which the viewer was checked to see); another's is not found. */
	EngagementRef requireEngagement(FirmId firm, ClientId client, EngagementId engagement) {
		return engagements.ref(firm, engagement)
			.filter(ref -> ref.client().equals(client))
			.orElseThrow(() -> new NotFoundException("engagement"));
	}

	/** An engagement of the firm (whose client is still to be checked); another firm's is not found. */
	EngagementRef requireEngagementInFirm(FirmId firm, EngagementId engagement) {
		return engagements.ref(firm, engagement).orElseThrow(() -> new NotFoundException("engagement"));
	}

	/** Null (client level) or the engagement's ref, checked as {@link #requireEngagement}. */
	EngagementRef engagementOrClientLevel(FirmId firm, ClientId client, EngagementId engagement) {
		return engagement == null ? null : requireEngagement(firm, client, engagement);
	}

	// ---------------------------------------------------------------- contacts

	void requireUpload(PortalMembership who) {
		if (!who.can(PortalCapability.UPLOAD)) {
			throw new AccessDeniedException("this portal role may not upload");
		}
	}

	/** An engagement of the contact's client that is shared with the portal; any other is not found. */
	EngagementRef requireShared(FirmId firm, PortalMembership who, EngagementId engagement) {
		if (engagement == null) {
			throw new NotFoundException("engagement");
		}
		return engagements.ref(firm, engagement)
			.filter(ref -> ref.client().equals(who.client()) && ref.sharedInPortal())
			.orElseThrow(() -> new NotFoundException("engagement"));
	}

	/** Whether a document there, client-visible, shows in the portal: at client level or in a shared engagement. */
	static boolean showsInPortal(DocumentVisibility visibility, EngagementRef engagement) {
		return visibility == DocumentVisibility.CLIENT && (engagement == null || engagement.sharedInPortal());
	}
}

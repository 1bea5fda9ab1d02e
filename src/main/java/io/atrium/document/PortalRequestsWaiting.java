package io.atrium.document;

import java.util.List;

import org.springframework.stereotype.Component;

import io.atrium.access.PortalMembership;
import io.atrium.firm.FirmId;
import io.atrium.portal.PortalWaiting;
import io.atrium.portal.WaitingItem;

/** Open document requests on the portal home: what the firm still needs from the client, with due dates. */
@Component
class PortalRequestsWaiting implements PortalWaiting {

	private final PortalDocuments documents;

	PortalRequestsWaiting(PortalDocuments documents) {
		this.documents = documents;
	}

	@Override
	public List<WaitingItem> waitingFor(FirmId firm, String slug, PortalMembership who) {
		return documents.openRequests(firm, who)
			.stream()
			.map(r -> new WaitingItem("request", r.title(), r.engagementName(), "/p/" + slug + "/requests/" + r.id(),
					r.dueDate(), r.requestedAt()))
			.toList();
	}
}

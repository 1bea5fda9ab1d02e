package io.atrium.document;

import java.util.List;

import io.atrium.access.PortalMembership;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;

/**
 * The client's side of documents, for a contact acting as {@code who} in the firm's portal. Only what is shared is
 * there (anything else is "not found"); uploading needs a role that may upload (Viewers read only: 403). A contact
 * may delete their own upload within 10 minutes.
 */
public interface PortalDocuments {

	/** Shared documents of the client; with an engagement, only that (shared) engagement's. */
	List<DocumentView> documents(FirmId firm, PortalMembership who, EngagementId engagement);

	/** Adds a file to a shared engagement ({@code engagement} required), client-visible. */
	DocumentView upload(FirmId firm, PortalMembership who, EngagementId engagement, Upload upload);

	DocumentView deleteOwn(FirmId firm, PortalMembership who, DocumentId document);

	DocumentDownload download(FirmId firm, PortalMembership who, DocumentId document, boolean inline,
			Requester requester);

	/** Requests on the client's shared engagements; with an engagement, only that one's. */
	List<DocumentRequestView> requests(FirmId firm, PortalMembership who, EngagementId engagement);

	/** Open requests (waiting for the client), for the portal home. */
	List<DocumentRequestView> openRequests(FirmId firm, PortalMembership who);

	DocumentRequestView answerWithUpload(FirmId firm, PortalMembership who, DocumentRequestId request, Upload upload);

	DocumentRequestView answerNotApplicable(FirmId firm, PortalMembership who, DocumentRequestId request,
			String reason);

	/** Attachment of a message the contact writes in a conversation of their client. */
	DocumentView attach(FirmId firm, PortalMembership who, java.util.UUID conversation, Upload upload);

	List<DocumentView> conversationDocuments(FirmId firm, PortalMembership who, java.util.UUID conversation);
}

package io.atrium.document;

import java.time.LocalDate;
import java.util.List;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;
import io.atrium.staff.StaffPrincipal;

/**
 * The firm's side of documents and document requests. Every method first checks that the viewer sees the client
 * (a client they may not see does not exist for them: 404); seeing a client lets a staff member read, upload,
 * request and manage its documents.
 */
public interface DocumentManagement {

	/** The client's live documents, newest first; with an engagement, only that engagement's. */
	List<DocumentView> documents(StaffPrincipal viewer, ClientId client, EngagementId engagement);

	/** Stores the upload whole or not at all; {@code engagement} may be null (client level). */
	DocumentView upload(StaffPrincipal viewer, ClientId client, EngagementId engagement, DocumentVisibility visibility,
			Upload upload);

	/** A new version of the document; the older ones stay in its history. */
	DocumentView replace(StaffPrincipal viewer, DocumentId document, Upload upload);

	DocumentView rename(StaffPrincipal viewer, DocumentId document, String name);

	/** To another engagement of the same client, or to client level ({@code engagement} null). */
	DocumentView move(StaffPrincipal viewer, DocumentId document, EngagementId engagement);

	DocumentView changeVisibility(StaffPrincipal viewer, DocumentId document, DocumentVisibility visibility);

	/** To the trash, kept 30 days and then purged. */
	DocumentView delete(StaffPrincipal viewer, DocumentId document);

	DocumentView restore(StaffPrincipal viewer, DocumentId document);

	/** The client's documents in the trash, most recently deleted first. */
	List<DocumentView> trash(StaffPrincipal viewer, ClientId client);

	DocumentHistory history(StaffPrincipal viewer, DocumentId document);

	/** The latest version, or {@code version} when given; recorded as a view ({@code inline}) or a download. */
	DocumentDownload download(StaffPrincipal viewer, DocumentId document, Integer version, boolean inline,
			Requester requester);

	/** Attachment of a message in a conversation of the client: client-visible, belongs to the conversation. */
	DocumentView attach(StaffPrincipal viewer, ClientId client, java.util.UUID conversation, Upload upload);

	List<DocumentView> conversationDocuments(StaffPrincipal viewer, ClientId client, java.util.UUID conversation);

	DocumentRequestView request(StaffPrincipal viewer, EngagementId engagement, String title, String description,
			LocalDate dueDate);

	List<DocumentRequestView> requests(StaffPrincipal viewer, ClientId client, EngagementId engagement);

	DocumentRequestView accept(StaffPrincipal viewer, DocumentRequestId request);

	DocumentRequestView reopen(StaffPrincipal viewer, DocumentRequestId request);

	/** Open requests of every client the viewer sees, oldest due first (staff "outstanding" list). */
	List<DocumentRequestView> outstanding(StaffPrincipal viewer, int limit);
}

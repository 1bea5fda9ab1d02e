package io.atrium.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.client.ClientId;
import io.atrium.document.Document.Uploader;
import io.atrium.document.DocumentQueries.DocumentRow;
import io.atrium.document.DocumentQueries.RequestRow;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementRef;
import io.atrium.engagement.PortalItemShared;
import io.atrium.engagement.SharedItemKind;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.StaffPrincipal;

/**
 * The firm's side of documents and document requests. Every method first checks that the viewer sees the client
 * (a client they may not see does not exist for them: 404); seeing a client lets a staff member read, upload,
 * request and manage its documents.
 */
@Service
public class DocumentManagement {

	/** Views and downloads shown in a document's history, newest first. */
	static final int HISTORY_ACCESSES = 500;

	private final DocumentRepository documents;
	private final DocumentRequestRepository requests;
	private final DocumentQueries queries;
	private final DocumentPolicy policy;
	private final DocumentFiles files;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DocumentManagement(DocumentRepository documents, DocumentRequestRepository requests, DocumentQueries queries,
			DocumentPolicy policy, DocumentFiles files, ApplicationEventPublisher events, Clock clock) {
		this.documents = documents;
		this.requests = requests;
		this.queries = queries;
		this.policy = policy;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- documents

	/** The client's live documents, newest first; with an engagement, only that engagement's. */
	@Transactional(readOnly = true)
	public List<DocumentView> documents(StaffPrincipal viewer, ClientId client, EngagementId engagement) {
		policy.requireClient(viewer, client);
		if (engagement != null) {
			policy.requireEngagement(viewer.firm(), client, engagement);
		}
		return queries.documents(viewer.firm(), client, engagement, false).stream().map(DocumentManagement::staffView).toList();
	}

	/** Stores the upload whole or not at all; {@code engagement} may be null (client level). */
	@Transactional
	public DocumentView upload(StaffPrincipal viewer, ClientId client, EngagementId engagement, DocumentVisibility visibility,
			Upload upload) {
		policy.requireClient(viewer, client);
		var ref = policy.engagementOrClientLevel(viewer.firm(), client, engagement);
		if (visibility == null) {
			throw new InvalidRequestException("visibility", "document.visibility.required");
		}
		var blob = files.store(upload);
		var document = Document.stored(viewer.firm(), client, engagement, null, null, visibility, blob,
				uploader(viewer), clock.instant());
		documents.save(document);
		uploaded(viewer, document);
		if (DocumentPolicy.showsInPortal(visibility, ref)) {
			shared(viewer, document);
		}
		return view(viewer, document);
	}

	/** A new version of the document; the older ones stay in its history. */
	@Transactional
	public DocumentView replace(StaffPrincipal viewer, DocumentId document, Upload upload) {
		var found = find(viewer, document);
		if (found.deletedAt() != null) {
			throw new InvalidRequestException(null, "document.in-trash");
		}
		var blob = files.store(upload);
		found.replace(blob, uploader(viewer), clock.instant());
		documents.save(found);
		uploaded(viewer, found);
		return view(viewer, found);
	}

	@Transactional
	public DocumentView rename(StaffPrincipal viewer, DocumentId document, String name) {
		var found = find(viewer, document);
		var before = found.name();
		if (found.rename(name)) {
			documents.save(found);
			changed(viewer, found, "rename", before + " → " + found.name());
		}
		return view(viewer, found);
	}

	/** To another engagement of the same client, or to client level ({@code engagement} null). */
	@Transactional
	public DocumentView move(StaffPrincipal viewer, DocumentId document, EngagementId engagement) {
		var found = find(viewer, document);
		var to = policy.engagementOrClientLevel(viewer.firm(), found.client(), engagement);
		var from = found.engagement() == null ? null
				: policy.engagementOrClientLevel(viewer.firm(), found.client(), found.engagement());
		var wasShown = DocumentPolicy.showsInPortal(found.visibility(), from) && found.conversation() == null;
		if (found.moveTo(engagement)) {
			documents.save(found);
			changed(viewer, found, "move", to == null ? null : to.name());
			if (!wasShown && found.conversation() == null && DocumentPolicy.showsInPortal(found.visibility(), to)) {
				shared(viewer, found);
			}
		}
		return view(viewer, found);
	}

	@Transactional
	public DocumentView changeVisibility(StaffPrincipal viewer, DocumentId document, DocumentVisibility visibility) {
		var found = find(viewer, document);
		if (found.changeVisibility(visibility)) {
			documents.save(found);
			changed(viewer, found, "visibility", visibility.name());
			var ref = policy.engagementOrClientLevel(viewer.firm(), found.client(), found.engagement());
			if (found.conversation() == null && DocumentPolicy.showsInPortal(visibility, ref)) {
				shared(viewer, found);
			}
		}
		return view(viewer, found);
	}

	/** To the trash, kept 30 days and then purged. */
	@Transactional
	public DocumentView delete(StaffPrincipal viewer, DocumentId document) {
		var found = find(viewer, document);
		if (found.delete(clock.instant())) {
			documents.save(found);
			changed(viewer, found, "delete", null);
		}
		return view(viewer, found);
	}

	@Transactional
	public DocumentView restore(StaffPrincipal viewer, DocumentId document) {
		var found = find(viewer, document);
		if (found.restore()) {
			documents.save(found);
			changed(viewer, found, "restore", null);
		}
		return view(viewer, found);
	}

	/** The client's documents in the trash, most recently deleted first. */
	@Transactional(readOnly = true)
	public List<DocumentView> trash(StaffPrincipal viewer, ClientId client) {
		policy.requireClient(viewer, client);
		return queries.trash(viewer.firm(), client).stream().map(DocumentManagement::staffView).toList();
	}

	@Transactional(readOnly = true)
	public DocumentHistory history(StaffPrincipal viewer, DocumentId document) {
		var found = find(viewer, document);
		var versions = found.versions()
			.stream()
			.map(v -> new DocumentVersionView(v.number(), v.name(), v.contentType(), v.size(), v.sha256(),
					v.uploadedByName(), v.uploadedAt()))
			.toList();
		return new DocumentHistory(view(viewer, found), versions,
				queries.accesses(found.id(), HISTORY_ACCESSES));
	}

	/** The latest version, or {@code version} when given; recorded as a view ({@code inline}) or a download. */
	@Transactional
	public DocumentDownload download(StaffPrincipal viewer, DocumentId document, Integer version, boolean inline,
			Requester requester) {
		if (document == null) {
			throw new NotFoundException("document");
		}
		// the document, its version and whether the viewer sees its client, in one statement
		var file = queries.file(viewer, document, version).orElseThrow(() -> new NotFoundException("document"));
		return files.open(file, inline, viewer.id(), null, name(viewer), requester);
	}

	/** Attachment of a message in a conversation of the client: client-visible, belongs to the conversation. */
	@Transactional
	public DocumentView attach(StaffPrincipal viewer, ClientId client, UUID conversation, Upload upload) {
		policy.requireClient(viewer, client);
		if (conversation == null) {
			throw new NotFoundException("conversation");
		}
		var blob = files.store(upload);
		var document = Document.stored(viewer.firm(), client, null, null, conversation, DocumentVisibility.CLIENT,
				blob, uploader(viewer), clock.instant());
		documents.save(document);
		uploaded(viewer, document);
		return view(viewer, document);
	}

	@Transactional(readOnly = true)
	public List<DocumentView> conversationDocuments(StaffPrincipal viewer, ClientId client, UUID conversation) {
		policy.requireClient(viewer, client);
		if (conversation == null) {
			return List.of();
		}
		return queries.conversation(viewer.firm(), client, conversation, false)
			.stream()
			.map(DocumentManagement::staffView)
			.toList();
	}

	// ---------------------------------------------------------------- requests

	@Transactional
	public DocumentRequestView request(StaffPrincipal viewer, EngagementId engagement, String title, String description,
			LocalDate dueDate) {
		if (engagement == null) {
			throw new NotFoundException("engagement");
		}
		var ref = engagementSeen(viewer, engagement);
		var request = DocumentRequest.open(viewer.firm(), ref.client(), ref.id(), title, description, dueDate,
				viewer.id(), name(viewer), clock.instant());
		requests.save(request);
		events.publishEvent(new DocumentRequested(viewer.firm(), ref.client(), ref.id(), request.id(),
				request.title(), dueDate, viewer.id()));
		return requestView(viewer, request.id());
	}

	@Transactional(readOnly = true)
	public List<DocumentRequestView> requests(StaffPrincipal viewer, ClientId client, EngagementId engagement) {
		policy.requireClient(viewer, client);
		if (engagement != null) {
			policy.requireEngagement(viewer.firm(), client, engagement);
		}
		return withFiles(viewer, queries.requests(viewer.firm(), client, engagement, false, false));
	}

	@Transactional
	public DocumentRequestView accept(StaffPrincipal viewer, DocumentRequestId request) {
		var found = findRequest(viewer, request);
		if (found.accept(viewer.id(), clock.instant())) {
			requests.save(found);
			events.publishEvent(new DocumentRequestReviewed(viewer.firm(), found.client(), found.engagement(),
					found.id(), found.title(), true, viewer.id()));
		}
		return requestView(viewer, found.id());
	}

	@Transactional
	public DocumentRequestView reopen(StaffPrincipal viewer, DocumentRequestId request) {
		var found = findRequest(viewer, request);
		if (found.reopen(viewer.id(), clock.instant())) {
			requests.save(found);
			events.publishEvent(new DocumentRequestReviewed(viewer.firm(), found.client(), found.engagement(),
					found.id(), found.title(), false, viewer.id()));
		}
		return requestView(viewer, found.id());
	}

	/** Open requests of every client the viewer sees, oldest due first (staff "outstanding" list). */
	@Transactional(readOnly = true)
	public List<DocumentRequestView> outstanding(StaffPrincipal viewer, int limit) {
		return withFiles(viewer, queries.outstanding(viewer, Math.max(0, limit)));
	}

	// ---------------------------------------------------------------- helpers

	/** A document of a client the viewer sees; anything else is not found. */
	private Document find(StaffPrincipal viewer, DocumentId id) {
		if (id == null) {
			throw new NotFoundException("document");
		}
		var document = documents.findInFirm(viewer.firm().value(), id.value())
			.orElseThrow(() -> new NotFoundException("document"));
		policy.requireClient(viewer, document.client());
		return document;
	}

	private DocumentRequest findRequest(StaffPrincipal viewer, DocumentRequestId id) {
		if (id == null) {
			throw new NotFoundException("document request");
		}
		var request = requests.findInFirm(viewer.firm().value(), id.value())
			.orElseThrow(() -> new NotFoundException("document request"));
		policy.requireClient(viewer, request.client());
		return request;
	}

	private EngagementRef engagementSeen(StaffPrincipal viewer, EngagementId engagement) {
		var ref = policy.requireEngagementInFirm(viewer.firm(), engagement);
		policy.requireClient(viewer, ref.client());
		return ref;
	}

	private DocumentRequestView requestView(StaffPrincipal viewer, DocumentRequestId id) {
		return withFiles(viewer, List.of(queries.request(viewer.firm(), id).orElseThrow())).get(0);
	}

	private List<DocumentRequestView> withFiles(StaffPrincipal viewer, List<RequestRow> rows) {
		var byRequest = queries.requestFiles(viewer.firm(), rows.stream().map(RequestRow::id).toList(), false,
				DocumentManagement::staffView);
		return rows.stream().map(r -> r.view(List.copyOf(byRequest.getOrDefault(r.id(), List.of())))).toList();
	}

	private DocumentView view(StaffPrincipal viewer, Document document) {
		return staffView(queries.document(viewer.firm(), document.id()).orElseThrow());
	}

	/** Staff may delete whatever is not in the trash already. */
	private static DocumentView staffView(DocumentRow row) {
		return row.view(row.deletedAt() == null);
	}

	private void uploaded(StaffPrincipal viewer, Document document) {
		events.publishEvent(new DocumentUploaded(viewer.firm(), document.client(), document.engagement(),
				document.id(), document.name(), document.currentVersion(), document.visibility(), document.request(),
				document.conversation(), viewer.id(), null, name(viewer)));
	}

	private void shared(StaffPrincipal viewer, Document document) {
		events.publishEvent(new PortalItemShared(viewer.firm(), document.client(), document.engagement(),
				SharedItemKind.DOCUMENT, document.id().value(), document.name(), viewer.id()));
	}

	private void changed(StaffPrincipal viewer, Document document, String change, String detail) {
		events.publishEvent(new DocumentChanged(viewer.firm(), document.client(), document.engagement(),
				document.id(), document.name(), change, detail, viewer.id(), null, name(viewer)));
	}

	private static Uploader uploader(StaffPrincipal viewer) {
		return new Uploader(viewer.id(), null, name(viewer));
	}

	/** The staff member as others read it: their name, or their address while they have none. */
	static String name(StaffPrincipal viewer) {
		return viewer.name() == null || viewer.name().isBlank() ? viewer.email() : viewer.name();
	}
}

package io.atrium.document;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.access.PortalMembership;
import io.atrium.document.Document.Uploader;
import io.atrium.document.DocumentQueries.DocumentRow;
import io.atrium.document.DocumentQueries.RequestRow;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.platform.NotFoundException;

/**
 * The client's side of documents, for a contact acting as {@code who} in the firm's portal. Only what is shared is
 * there (anything else is "not found"); uploading needs a role that may upload (Viewers read only: 403). A contact
 * may delete their own upload within 10 minutes.
 */
@Service
public class PortalDocuments {

	private final DocumentRepository documents;
	private final DocumentRequestRepository requests;
	private final DocumentQueries queries;
	private final DocumentPolicy policy;
	private final DocumentFiles files;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PortalDocuments(DocumentRepository documents, DocumentRequestRepository requests, DocumentQueries queries,
			DocumentPolicy policy, DocumentFiles files, ApplicationEventPublisher events, Clock clock) {
		this.documents = documents;
		this.requests = requests;
		this.queries = queries;
		this.policy = policy;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/** Shared documents of the client; with an engagement, only that (shared) engagement's. */
	@Transactional(readOnly = true)
	public List<DocumentView> documents(FirmId firm, PortalMembership who, EngagementId engagement) {
		if (engagement != null) {
			policy.requireShared(firm, who, engagement);
		}
		return queries.documents(firm, who.client(), engagement, true).stream().map(r -> view(who, r)).toList();
	}

	/** Adds a file to a shared engagement ({@code engagement} required), client-visible. */
	@Transactional
	public DocumentView upload(FirmId firm, PortalMembership who, EngagementId engagement, Upload upload) {
		policy.requireUpload(who);
		var ref = policy.requireShared(firm, who, engagement);
		var document = store(firm, who, ref.id(), null, null, upload);
		return view(firm, who, document.id());
	}

	@Transactional
	public DocumentView deleteOwn(FirmId firm, PortalMembership who, DocumentId document) {
		var found = findVisible(firm, who, document);
		if (!found.deletableBy(who.contact(), clock.instant())) {
			throw new AccessDeniedException("only one's own upload, within 10 minutes");
		}
		found.delete(clock.instant());
		documents.save(found);
		events.publishEvent(new DocumentChanged(firm, found.client(), found.engagement(), found.id(), found.name(),
				"delete", null, null, who.contact(), who.contactName()));
		var request = found.request();
		if (request != null && queries.liveFiles(request) == 0) {
			requests.findInFirm(firm.value(), request.value()).ifPresent(r -> {
				r.withdrawn();
				requests.save(r);
			});
		}
		return queries.document(firm, found.id()).orElseThrow().view(false);
	}

	@Transactional
	public DocumentDownload download(FirmId firm, PortalMembership who, DocumentId document, boolean inline,
			Requester requester) {
		if (document == null) {
			throw new NotFoundException("document");
		}
		var file = queries.portalFile(firm, who.client(), document)
			.orElseThrow(() -> new NotFoundException("document"));
		return files.open(file, inline, null, who.contact(), who.contactName(), requester);
	}

	/** Requests on the client's shared engagements; with an engagement, only that one's. */
	@Transactional(readOnly = true)
	public List<DocumentRequestView> requests(FirmId firm, PortalMembership who, EngagementId engagement) {
		if (engagement != null) {
			policy.requireShared(firm, who, engagement);
		}
		return withFiles(firm, who, queries.requests(firm, who.client(), engagement, true, false));
	}

	/**
	 * Open requests (waiting for the client), for the portal home. Read on every portal home: no transaction of its
	 * own, which cost a round trip; the requests and their files are two reads, each of committed rows.
	 */
	public List<DocumentRequestView> openRequests(FirmId firm, PortalMembership who) {
		return withFiles(firm, who, queries.requests(firm, who.client(), null, true, true));
	}

	@Transactional
	public DocumentRequestView answerWithUpload(FirmId firm, PortalMembership who, DocumentRequestId request,
			Upload upload) {
		policy.requireUpload(who);
		var found = findRequest(firm, who, request);
		found.submit(who.contact(), who.contactName(), clock.instant());
		store(firm, who, found.engagement(), found.id(), null, upload);
		requests.save(found);
		events.publishEvent(new DocumentRequestAnswered(firm, found.client(), found.engagement(), found.id(),
				found.title(), false, null, who.contact(), who.contactName()));
		return requestView(firm, who, found.id());
	}

	@Transactional
	public DocumentRequestView answerNotApplicable(FirmId firm, PortalMembership who, DocumentRequestId request,
			String reason) {
		policy.requireUpload(who);
		var found = findRequest(firm, who, request);
		found.notApplicable(reason, who.contact(), who.contactName(), clock.instant());
		requests.save(found);
		events.publishEvent(new DocumentRequestAnswered(firm, found.client(), found.engagement(), found.id(),
				found.title(), true, found.reason(), who.contact(), who.contactName()));
		return requestView(firm, who, found.id());
	}

	/** Attachment of a message the contact writes in a conversation of their client. */
	@Transactional
	public DocumentView attach(FirmId firm, PortalMembership who, UUID conversation, Upload upload) {
		policy.requireUpload(who);
		if (conversation == null) {
			throw new NotFoundException("conversation");
		}
		var document = store(firm, who, null, null, conversation, upload);
		return view(firm, who, document.id());
	}

	@Transactional(readOnly = true)
	public List<DocumentView> conversationDocuments(FirmId firm, PortalMembership who, UUID conversation) {
		if (conversation == null) {
			return List.of();
		}
		return queries.conversation(firm, who.client(), conversation, true).stream().map(r -> view(who, r)).toList();
	}

	// ---------------------------------------------------------------- helpers

	/** Stores the upload first, then the document (client-visible, uploaded by the contact). */
	private Document store(FirmId firm, PortalMembership who, EngagementId engagement, DocumentRequestId request,
			UUID conversation, Upload upload) {
		var blob = files.store(upload);
		var document = Document.stored(firm, who.client(), engagement, request, conversation,
				DocumentVisibility.CLIENT, blob, new Uploader(null, who.contact(), who.contactName()), clock.instant());
		documents.save(document);
		events.publishEvent(new DocumentUploaded(firm, document.client(), document.engagement(), document.id(),
				document.name(), document.currentVersion(), document.visibility(), document.request(),
				document.conversation(), null, who.contact(), who.contactName()));
		return document;
	}

	/** A live document the portal shows to the contact's client; anything else is not found. */
	private Document findVisible(FirmId firm, PortalMembership who, DocumentId id) {
		if (id == null || queries.portalDocument(firm, who.client(), id).isEmpty()) {
			throw new NotFoundException("document");
		}
		return documents.findInFirm(firm.value(), id.value()).orElseThrow(() -> new NotFoundException("document"));
	}

	/** A request of the contact's client on a shared engagement; anything else is not found. */
	private DocumentRequest findRequest(FirmId firm, PortalMembership who, DocumentRequestId id) {
		if (id == null || queries.portalRequest(firm, who.client(), id).isEmpty()) {
			throw new NotFoundException("document request");
		}
		return requests.findInFirm(firm.value(), id.value())
			.orElseThrow(() -> new NotFoundException("document request"));
	}

	private DocumentRequestView requestView(FirmId firm, PortalMembership who, DocumentRequestId id) {
		return withFiles(firm, who, List.of(queries.request(firm, id).orElseThrow())).get(0);
	}

	private List<DocumentRequestView> withFiles(FirmId firm, PortalMembership who, List<RequestRow> rows) {
		var byRequest = queries.requestFiles(firm, rows.stream().map(RequestRow::id).toList(), true,
				r -> view(who, r));
		return rows.stream().map(r -> r.view(List.copyOf(byRequest.getOrDefault(r.id(), List.of())))).toList();
	}

	private DocumentView view(FirmId firm, PortalMembership who, DocumentId id) {
		return view(who, queries.document(firm, id).orElseThrow());
	}

	private DocumentView view(PortalMembership who, DocumentRow row) {
		return row.view(row.deletableBy(who.contact(), clock.instant()));
	}
}

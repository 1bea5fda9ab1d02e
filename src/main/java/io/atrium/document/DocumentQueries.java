package io.atrium.document;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.AssignmentFilter;
import io.atrium.client.ClientId;
import io.atrium.client.ClientScope;
import io.atrium.client.ClientStatus;
import io.atrium.client.ContactId;
import io.atrium.document.storage.StoredBlob;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.PortalSharing;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;

/**
 * Read queries over documents, requests and the access log, each one statement: a document with its current version
 * and its engagement's name, requests with their client's and engagement's names. The portal's queries add
 * {@link PortalSharing}'s condition; the staff's "outstanding" list and the file a download reads
 * ({@link #file(StaffPrincipal, DocumentId, Integer)}) add the client scope.
 */
@Component
class DocumentQueries {

	/** A document with its current version, as lists show it. */
	record DocumentRow(UUID id, UUID client, UUID engagement, String engagementName, UUID request, UUID conversation,
			String name, String contentType, long size, String sha256, DocumentVisibility visibility, int version,
			String uploadedBy, UUID uploadedByContact, Instant uploadedAt, Instant deletedAt) {

		DocumentView view(boolean deletable) {
			return new DocumentView(new DocumentId(id), new ClientId(client),
					engagement == null ? null : new EngagementId(engagement), engagementName,
					request == null ? null : new DocumentRequestId(request), conversation, name, contentType, size,
					sha256, visibility, version, uploadedBy, uploadedByContact != null, uploadedAt, deletedAt,
					deletable);
		}

		/** A contact's own upload, not replaced since, within the minutes they may take it back. */
		boolean deletableBy(ContactId contact, Instant now) {
			return deletedAt == null && version == 1 && uploadedByContact != null
					&& uploadedByContact.equals(contact.value())
					&& now.isBefore(uploadedAt.plus(Document.OWN_UPLOAD_DELETABLE));
		}
	}

	record RequestRow(UUID id, UUID client, String clientName, UUID engagement, String engagementName, String title,
			String description, LocalDate dueDate, RequestStatus status, String reason, String requestedBy,
			Instant requestedAt, String answeredBy, Instant answeredAt) {

		DocumentRequestView view(List<DocumentView> files) {
			return new DocumentRequestView(new DocumentRequestId(id), new ClientId(client), clientName,
					new EngagementId(engagement), engagementName, title, description, dueDate, status, reason,
					requestedBy, requestedAt, answeredBy, answeredAt, files);
		}
	}

	private static final String DOCUMENTS = """
			select d.id, d.client_id, d.engagement_id, e.name as engagement_name, d.request_id, d.conversation_id,
				d.name, d.visibility, d.current_version, d.deleted_at, v.content_type, v.size, v.sha256,
				v.uploaded_by_name, v.uploaded_by_contact, v.uploaded_at
			from document d
			join document_version v on v.document_id = d.id and v.number = d.current_version
			left join engagement e on e.id = d.engagement_id
			""";

	// one document (d) as the portal shows it to the contacts of :client: theirs, not trashed, shared
	private static final String SHOWN_IN_PORTAL = " and d.client_id = :client and d.deleted_at is null and "
			+ PortalSharing.visibleCondition("d");

	private static final String REQUESTS = """
			select r.id, r.client_id, c.name as client_name, r.engagement_id, e.name as engagement_name, r.title,
				r.description, r.due_date, r.status, r.reason, r.requested_by_name, r.requested_at,
				r.answered_by_name, r.answered_at
			from document_request r
			join client c on c.id = r.client_id
			join engagement e on e.id = r.engagement_id
			""";

	private static final String REQUEST_ORDER = " order by r.due_date asc nulls last, r.requested_at, r.id";

	private final JdbcClient jdbc;
	private final ClientScope scope;

	DocumentQueries(JdbcClient jdbc, ClientScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	// ---------------------------------------------------------------- documents

	/** Live documents of the client (not conversation attachments), newest first; {@code portal}: shared only. */
	List<DocumentRow> documents(FirmId firm, ClientId client, EngagementId engagement, boolean portal) {
		var params = new HashMap<String, Object>();
		var sql = new StringBuilder(DOCUMENTS).append(
				" where d.firm_id = :firm and d.client_id = :client and d.deleted_at is null and d.conversation_id is null");
		if (engagement != null) {
			sql.append(" and d.engagement_id = :engagement");
			params.put("engagement", engagement.value());
		}
		if (portal) {
			sql.append(" and ").append(PortalSharing.visibleCondition("d"));
		}
		sql.append(" order by v.uploaded_at desc, d.id");
		return jdbc.sql(sql.toString())
			.params(params)
			.param("firm", firm.value())
			.param("client", client.value())
			.query(DocumentQueries::document)
			.list();
	}

	/** The client's documents in the trash, most recently deleted first. */
	List<DocumentRow> trash(FirmId firm, ClientId client) {
		return jdbc.sql(DOCUMENTS + " where d.firm_id = :firm and d.client_id = :client and d.deleted_at is not null"
				+ " order by d.deleted_at desc, d.id")
			.param("firm", firm.value())
			.param("client", client.value())
			.query(DocumentQueries::document)
			.list();
	}

	/** Live attachments of a conversation of the client, oldest first (as the messages read). */
	List<DocumentRow> conversation(FirmId firm, ClientId client, UUID conversation, boolean portal) {
		var sql = DOCUMENTS + " where d.firm_id = :firm and d.client_id = :client and d.conversation_id = :conversation"
				+ " and d.deleted_at is null" + (portal ? " and " + PortalSharing.visibleCondition("d") : "")
				+ " order by v.uploaded_at, d.id";
		return jdbc.sql(sql)
			.param("firm", firm.value())
			.param("client", client.value())
			.param("conversation", conversation)
			.query(DocumentQueries::document)
			.list();
	}

	/** Any document of the firm, trashed ones too. */
	Optional<DocumentRow> document(FirmId firm, DocumentId id) {
		return jdbc.sql(DOCUMENTS + " where d.firm_id = :firm and d.id = :id")
			.param("firm", firm.value())
			.param("id", id.value())
			.query(DocumentQueries::document)
			.optional();
	}

	/** A live document of the client that the portal shows (conversation attachments included). */
	Optional<DocumentRow> portalDocument(FirmId firm, ClientId client, DocumentId id) {
		return jdbc.sql(DOCUMENTS + " where d.firm_id = :firm and d.id = :id" + SHOWN_IN_PORTAL)
			.param("firm", firm.value())
			.param("client", client.value())
			.param("id", id.value())
			.query(DocumentQueries::document)
			.optional();
	}

	/**
	 * What a staff member opening a version needs, in one statement: the document's name, client and current
	 * version, and the stored file of version {@code number} (null: the current one). Empty when the firm has no such
	 * document or it belongs to a client the viewer does not see (the client module's {@link ClientScope}); the file
	 * is null when the document has no such version.
	 */
	Optional<DocumentFile> file(StaffPrincipal viewer, DocumentId id, Integer number) {
		var params = new HashMap<String, Object>();
		var visible = scope.condition(viewer, AssignmentFilter.NONE, params);
		return file(viewer.firm(), id, number, " and c.firm_id = :firm and (" + visible + ")", params);
	}

	/** The current version's file of a document the portal shows {@code client}'s contacts; empty otherwise. */
	Optional<DocumentFile> portalFile(FirmId firm, ClientId client, DocumentId id) {
		return file(firm, id, null, SHOWN_IN_PORTAL, Map.of("client", client.value()));
	}

	private Optional<DocumentFile> file(FirmId firm, DocumentId id, Integer number, String condition,
			Map<String, Object> params) {
		return jdbc.sql("""
				select d.id, d.client_id, d.name as document_name, d.current_version, v.number, v.name, v.content_type,
					v.size, v.sha256, v.blob_key, v.key_id
				from document d
				join client c on c.id = d.client_id
				left join document_version v on v.document_id = d.id and v.number = coalesce(:number, d.current_version)
				where d.firm_id = :firm and d.id = :id""" + condition)
			.params(params)
			.param("firm", firm.value())
			.param("id", id.value())
			.param("number", number, Types.INTEGER)
			.query((rs, n) -> new DocumentFile(firm, new DocumentId(rs.getObject("id", UUID.class)),
					new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("document_name"),
					rs.getInt("current_version"), rs.getInt("number"), rs.getString("blob_key") == null ? null
							: new StoredBlob(rs.getString("blob_key"), rs.getString("key_id"), rs.getString("name"),
									rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"))))
			.optional();
	}

	/** The live files answering the requests, oldest first, by request; {@code portal}: shared only. */
	Map<UUID, List<DocumentView>> requestFiles(FirmId firm, Collection<UUID> requests, boolean portal,
			Function<DocumentRow, DocumentView> view) {
		var byRequest = new HashMap<UUID, List<DocumentView>>();
		if (requests.isEmpty()) {
			return byRequest;
		}
		var sql = DOCUMENTS + " where d.firm_id = :firm and d.request_id in (:requests) and d.deleted_at is null"
				+ (portal ? " and " + PortalSharing.visibleCondition("d") : "") + " order by v.uploaded_at, d.id";
		jdbc.sql(sql)
			.param("firm", firm.value())
			.param("requests", requests)
			.query(DocumentQueries::document)
			.list()
			.forEach(row -> byRequest.computeIfAbsent(row.request(), r -> new ArrayList<>())
				.add(view.apply(row)));
		return byRequest;
	}

	int liveFiles(DocumentRequestId request) {
		return jdbc.sql("select count(*) from document where request_id = :request and deleted_at is null")
			.param("request", request.value())
			.query(Integer.class)
			.single();
	}

	// ---------------------------------------------------------------- requests

	/** The client's requests, oldest due first; {@code portal}: on shared engagements only. */
	List<RequestRow> requests(FirmId firm, ClientId client, EngagementId engagement, boolean portal,
			boolean openOnly) {
		var params = new HashMap<String, Object>();
		var sql = new StringBuilder(REQUESTS).append(" where r.firm_id = :firm and r.client_id = :client");
		if (engagement != null) {
			sql.append(" and r.engagement_id = :engagement");
			params.put("engagement", engagement.value());
		}
		if (portal) {
			sql.append(" and ").append(PortalSharing.engagementVisibleCondition("r.engagement_id"));
		}
		if (openOnly) {
			sql.append(" and r.status = :open");
			params.put("open", RequestStatus.OPEN.name());
		}
		sql.append(REQUEST_ORDER);
		return jdbc.sql(sql.toString())
			.params(params)
			.param("firm", firm.value())
			.param("client", client.value())
			.query(DocumentQueries::request)
			.list();
	}

	Optional<RequestRow> request(FirmId firm, DocumentRequestId id) {
		return jdbc.sql(REQUESTS + " where r.firm_id = :firm and r.id = :id")
			.param("firm", firm.value())
			.param("id", id.value())
			.query(DocumentQueries::request)
			.optional();
	}

	/** A request of the client on a shared engagement. */
	Optional<RequestRow> portalRequest(FirmId firm, ClientId client, DocumentRequestId id) {
		return jdbc.sql(REQUESTS + " where r.firm_id = :firm and r.client_id = :client and r.id = :id and "
				+ PortalSharing.engagementVisibleCondition("r.engagement_id"))
			.param("firm", firm.value())
			.param("client", client.value())
			.param("id", id.value())
			.query(DocumentQueries::request)
			.optional();
	}

	/** Open requests on active clients the viewer sees, oldest due first; one statement. */
	List<RequestRow> outstanding(StaffPrincipal viewer, int limit) {
		var params = new HashMap<String, Object>();
		var visible = scope.condition(viewer, AssignmentFilter.NONE, params);
		return jdbc.sql(REQUESTS + " where r.firm_id = :firm and r.status = :open and c.firm_id = :firm"
				+ " and c.status = :active and (" + visible + ")" + REQUEST_ORDER + " limit :limit")
			.params(params)
			.param("firm", viewer.firm().value())
			.param("open", RequestStatus.OPEN.name())
			.param("active", ClientStatus.ACTIVE.name())
			.param("limit", limit)
			.query(DocumentQueries::request)
			.list();
	}

	// ---------------------------------------------------------------- the access log

	void recordAccess(FirmId firm, DocumentId document, int version, StaffId staff, ContactId contact, String who,
			String kind, Instant at, String ip, String userAgent) {
		jdbc.sql("""
				insert into document_access (id, firm_id, document_id, version, staff_id, contact_id, who, kind,
					accessed_at, ip, user_agent)
				values (:id, :firm, :document, :version, :staff, :contact, :who, :kind, :at, :ip, :agent)""")
			.param("id", UUID.randomUUID())
			.param("firm", firm.value())
			.param("document", document.value())
			.param("version", version)
			.param("staff", staff == null ? null : staff.value())
			.param("contact", contact == null ? null : contact.value())
			.param("who", clip(who, 200))
			.param("kind", kind)
			.param("at", Timestamp.from(at))
			.param("ip", clip(ip, 64))
			.param("agent", clip(userAgent, 500))
			.update();
	}

	/** Newest first. */
	List<DocumentAccessView> accesses(DocumentId document, int limit) {
		return jdbc.sql("""
				select who, contact_id, kind, version, accessed_at, ip, user_agent from document_access
				where document_id = :document order by accessed_at desc, id limit :limit""")
			.param("document", document.value())
			.param("limit", limit)
			.query((rs, n) -> new DocumentAccessView(rs.getString("who"), rs.getObject("contact_id") != null,
					rs.getString("kind"), rs.getInt("version"), rs.getTimestamp("accessed_at").toInstant(),
					rs.getString("ip"), rs.getString("user_agent")))
			.list();
	}

	void deleteAccesses(DocumentId document) {
		jdbc.sql("delete from document_access where document_id = :document")
			.param("document", document.value())
			.update();
	}

	// ---------------------------------------------------------------- mapping

	private static DocumentRow document(ResultSet rs, int n) throws SQLException {
		return new DocumentRow(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
				rs.getObject("engagement_id", UUID.class), rs.getString("engagement_name"),
				rs.getObject("request_id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
				DocumentVisibility.valueOf(rs.getString("visibility")), rs.getInt("current_version"),
				rs.getString("uploaded_by_name"), rs.getObject("uploaded_by_contact", UUID.class),
				instant(rs.getTimestamp("uploaded_at")), instant(rs.getTimestamp("deleted_at")));
	}

	private static RequestRow request(ResultSet rs, int n) throws SQLException {
		return new RequestRow(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
				rs.getString("client_name"), rs.getObject("engagement_id", UUID.class),
				rs.getString("engagement_name"), rs.getString("title"), rs.getString("description"),
				localDate(rs.getDate("due_date")), RequestStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getString("requested_by_name"),
				instant(rs.getTimestamp("requested_at")), rs.getString("answered_by_name"),
				instant(rs.getTimestamp("answered_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	static String clip(String value, int max) {
		if (value == null) {
			return null;
		}
		return value.length() <= max ? value : value.substring(0, max);
	}
}

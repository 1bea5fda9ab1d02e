package io.atrium.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffId;

/**
 * A request for a named document on an engagement, and where it stands: open until the client uploads (submitted)
 * or says it does not apply (with a reason); staff accept the answer or reopen the request.
 */
@Table("document_request")
class DocumentRequest {

	static final int MAX_TITLE = 200;
	static final int MAX_DESCRIPTION = 2000;
	static final int MAX_REASON = 1000;

	private final @Id UUID id;
	private final UUID firmId;
	private final UUID clientId;
	private final UUID engagementId;
	private final String title;
	private final String description;
	private final LocalDate dueDate;
	private RequestStatus status;
	private String reason;
	private final UUID requestedBy;
	private final String requestedByName;
	private final Instant requestedAt;
	private UUID answeredByContact;
	private String answeredByName;
	private Instant answeredAt;
	private UUID reviewedBy;
	private Instant reviewedAt;
	private @Version Integer version;

	@PersistenceCreator
	DocumentRequest(UUID id, UUID firmId, UUID clientId, UUID engagementId, String title, String description,
			LocalDate dueDate, RequestStatus status, String reason, UUID requestedBy, String requestedByName,
			Instant requestedAt, UUID answeredByContact, String answeredByName, Instant answeredAt, UUID reviewedBy,
			Instant reviewedAt, Integer version) {
		this.id = id;
		this.firmId = firmId;
		this.clientId = clientId;
		this.engagementId = engagementId;
		this.title = title;
		this.description = description;
		this.dueDate = dueDate;
		this.status = status;
		this.reason = reason;
		this.requestedBy = requestedBy;
		this.requestedByName = requestedByName;
		this.requestedAt = requestedAt;
		this.answeredByContact = answeredByContact;
		this.answeredByName = answeredByName;
		this.answeredAt = answeredAt;
		this.reviewedBy = reviewedBy;
		this.reviewedAt = reviewedAt;
		this.version = version;
	}

	static DocumentRequest open(FirmId firm, ClientId client, EngagementId engagement, String title,
			String description, LocalDate dueDate, StaffId by, String byName, Instant now) {
		var checkedTitle = title == null ? "" : title.strip();
		if (checkedTitle.isEmpty()) {
			throw new InvalidRequestException("title", "document.request.title.required");
		}
		if (checkedTitle.length() > MAX_TITLE) {
			throw new InvalidRequestException("title", "document.request.title.too-long");
		}
		var checkedDescription = description == null ? "" : description.strip();
		if (checkedDescription.length() > MAX_DESCRIPTION) {
			throw new InvalidRequestException("description", "document.request.description.too-long");
		}
		return new DocumentRequest(UUID.randomUUID(), firm.value(), client.value(), engagement.value(), checkedTitle,
				checkedDescription.isEmpty() ? null : checkedDescription, dueDate, RequestStatus.OPEN, null,
				by.value(), byName, now, null, null, null, null, null, null);
	}

	/** Files came from the client: open or already submitted requests take them; closed ones do not. */
	void submit(ContactId contact, String name, Instant now) {
		if (status != RequestStatus.OPEN && status != RequestStatus.SUBMITTED) {
			throw new InvalidRequestException(null, "document.request.closed");
		}
		status = RequestStatus.SUBMITTED;
		reason = null;
		answered(contact, name, now);
	}

	/** The client says it does not apply; only an open request, and a reason is required. */
	void notApplicable(String why, ContactId contact, String name, Instant now) {
		if (status != RequestStatus.OPEN) {
			throw new InvalidRequestException(null, "document.request.closed");
		}
		var checked = why == null ? "" : why.strip();
		if (checked.isEmpty()) {
			throw new InvalidRequestException("reason", "document.request.reason.required");
		}
		if (checked.length() > MAX_REASON) {
			throw new InvalidRequestException("reason", "document.request.reason.too-long");
		}
		status = RequestStatus.NOT_APPLICABLE;
		reason = checked;
		answered(contact, name, now);
	}

	private void answered(ContactId contact, String name, Instant now) {
		answeredByContact = contact.value();
		answeredByName = name;
		answeredAt = now;
	}

	/** Staff are satisfied; false when it already was accepted. */
	boolean accept(StaffId by, Instant now) {
		if (status == RequestStatus.ACCEPTED) {
			return false;
		}
		status = RequestStatus.ACCEPTED;
		reviewedBy = by.value();
		reviewedAt = now;
		return true;
	}

	/** Open again (waiting for the client); false when it already was open. */
	boolean reopen(StaffId by, Instant now) {
		if (status == RequestStatus.OPEN) {
			return false;
		}
		status = RequestStatus.OPEN;
		reason = null;
		reviewedBy = by.value();
		reviewedAt = now;
		return true;
	}

	/** The client's files were all taken back before anyone looked: waiting for the client again. */
	void withdrawn() {
		if (status == RequestStatus.SUBMITTED) {
			status = RequestStatus.OPEN;
		}
	}

	DocumentRequestId id() {
		return new DocumentRequestId(id);
	}

	FirmId firm() {
		return new FirmId(firmId);
	}

	ClientId client() {
		return new ClientId(clientId);
	}

	EngagementId engagement() {
		return new EngagementId(engagementId);
	}

	String title() {
		return title;
	}

	RequestStatus status() {
		return status;
	}

	String reason() {
		return reason;
	}
}

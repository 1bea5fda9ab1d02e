package io.atrium.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.client.ContactId;
import io.atrium.document.DocumentAccessed;
import io.atrium.document.DocumentChanged;
import io.atrium.document.DocumentRequestAnswered;
import io.atrium.document.DocumentRequestReviewed;
import io.atrium.document.DocumentRequested;
import io.atrium.document.DocumentUploaded;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * Records the document module's events: uploads, changes, views and downloads, and document requests, by staff or
 * by contacts in the portal (named by the label the event carries). Synchronous, like {@link StaffAuditListener}.
 * Labels are {@code audit.action.<name>} in {@code messages/audit.properties}.
 */
@Component
class DocumentAuditListener {

	static final String UPLOADED = "document.uploaded";
	static final String CHANGED = "document.changed";
	static final String VIEWED = "document.viewed";
	static final String DOWNLOADED = "document.downloaded";
	static final String REQUESTED = "document.requested";
	static final String REQUEST_ANSWERED = "document.request-answered";
	static final String REQUEST_REVIEWED = "document.request-reviewed";

	private final AuditLog log;

	DocumentAuditListener(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(DocumentUploaded event) {
		var where = event.engagement() != null ? " in engagement " + event.engagement()
				: event.conversation() != null ? " in conversation " + event.conversation() : "";
		record(event.firm(), event.staff(), event.contact(), event.by(), UPLOADED, event.document().toString(),
				"\"" + event.name() + "\" version " + event.version() + ", "
						+ event.visibility().name().toLowerCase(java.util.Locale.ROOT) + "-visible, client "
						+ event.client() + where + (event.request() != null ? ", answering request " + event.request() : ""));
	}

	@EventListener
	void on(DocumentChanged event) {
		record(event.firm(), event.staff(), event.contact(), event.by(), CHANGED, event.document().toString(),
				"\"" + event.name() + "\": " + event.change() + (event.detail() == null ? "" : " (" + event.detail() + ")"));
	}

	@EventListener
	void on(DocumentAccessed event) {
		record(event.firm(), event.staff(), event.contact(), event.by(),
				"view".equals(event.kind()) ? VIEWED : DOWNLOADED, event.document().toString(),
				"\"" + event.name() + "\" of client " + event.client());
	}

	@EventListener
	void on(DocumentRequested event) {
		record(event.firm(), event.by(), null, null, REQUESTED, event.request().toString(),
				"\"" + event.title() + "\" in engagement " + event.engagement()
						+ (event.dueDate() == null ? "" : ", due " + event.dueDate()));
	}

	@EventListener
	void on(DocumentRequestAnswered event) {
		record(event.firm(), null, event.contact(), event.by(), REQUEST_ANSWERED, event.request().toString(),
				"\"" + event.title() + "\": " + (event.notApplicable() ? "does not apply (" + event.reason() + ")" : "uploaded"));
	}

	@EventListener
	void on(DocumentRequestReviewed event) {
		record(event.firm(), event.by(), null, null, REQUEST_REVIEWED, event.request().toString(),
				"\"" + event.title() + "\": " + (event.accepted() ? "accepted" : "reopened"));
	}

	private void record(FirmId firm, StaffId staff, ContactId contact, String label, String action, String subject,
			String summary) {
		if (staff != null || contact == null) {
			log.record(StaffActors.entry(firm, staff, action, subject, summary));
		}
		else {
			log.record(new AuditEntry(firm, null, label == null ? "contact " + contact : label, action, subject,
					summary));
		}
	}
}

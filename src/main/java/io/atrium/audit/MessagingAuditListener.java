package io.atrium.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.messaging.MessagePosted;

/**
 * Records the messaging module's events: every message written, by staff or by a contact in the portal.
 * Synchronous for the same reasons as {@link StaffAuditListener}. The text is the client's and the firm's
 * correspondence, not an audit record: only the subject and how many files came with it are kept. Labels of these
 * actions are {@code audit.action.<name>} in {@code messages/messaging.properties}.
 */
@Component
class MessagingAuditListener {

	static final String MESSAGE_POSTED = "message.posted";

	private final AuditLog log;

	MessagingAuditListener(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(MessagePosted event) {
		var summary = (event.opened() ? "Started \"" : "Replied in \"") + event.subject() + "\" (client "
				+ event.client() + (event.attachments() > 0 ? ", " + event.attachments() + " file(s)" : "") + ")";
		if (event.staff() != null) {
			log.record(StaffActors.entry(event.firm(), event.staff(), MESSAGE_POSTED, event.conversation().toString(),
					summary));
		}
		else {
			log.record(new AuditEntry(event.firm(), null, event.by() + " (contact " + event.contact() + ")",
					MESSAGE_POSTED, event.conversation().toString(), summary + " (in the portal)"));
		}
	}
}

package io.atrium.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.access.ContactAccessView;
import io.atrium.access.PortalAccessManagement;
import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.document.DocumentRequestAnswered;
import io.atrium.document.DocumentRequested;
import io.atrium.document.DocumentUploaded;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.EngagementRef;
import io.atrium.engagement.EngagementSharedInPortal;
import io.atrium.engagement.PortalItemShared;
import io.atrium.engagement.SharedItemKind;
import io.atrium.firm.FirmId;
import io.atrium.firm.FirmManagement;
import io.atrium.messaging.MessagePosted;
import io.atrium.notification.ActivityLog.Recipient;
import io.atrium.notification.ActivityLog.RecipientKind;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;

/**
 * Client activity for the firm (uploads, answered requests, messages from contacts) and the firm's activity for
 * the client's contacts (shared items, requests, replies, a case put in the portal). Synchronous, like
 * {@link PortalMailListener}, but nothing is sent here: one line per recipient goes into the {@link ActivityLog} in
 * the transaction of the change, and {@link ActivityDigests} turns a group's lines into one email later.
 * <p>
 * Staff: the engagement's activity recipients, or the client's for activity outside an engagement; never the author.
 * Contacts: those who may get email ({@link PortalAccessManagement#emailRecipients}), Notify-only included, whose
 * preferences allow the topic; never the author.
 */
@Component
class ClientActivityListener {

	private static final Locale LOCALE = Locale.ENGLISH;
	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d, yyyy", LOCALE);

	private final FirmManagement firms;
	private final EngagementManagement engagements;
	private final StaffManagement staff;
	private final PortalAccessManagement access;
	private final NotificationPreferences preferences;
	private final ActivityLog log;
	private final MessageSource messages;

	ClientActivityListener(FirmManagement firms, EngagementManagement engagements, StaffManagement staff,
			PortalAccessManagement access, NotificationPreferences preferences, ActivityLog log,
			MessageSource messages) {
		this.firms = firms;
		this.engagements = engagements;
		this.staff = staff;
		this.access = access;
		this.preferences = preferences;
		this.log = log;
		this.messages = messages;
	}

	// ---------------------------------------------------------------- the client's activity, for staff

	/** Uploads from the portal; attachments of a message are told with the message. */
	@EventListener
	void on(DocumentUploaded event) {
		if (event.contact() == null || event.conversation() != null) {
			return;
		}
		var summary = event.version() > 1 ? text("activity.uploaded-version", event.by(), event.name())
				: text("activity.uploaded", event.by(), event.name());
		tellStaff(event.firm(), event.client(), event.engagement(), ActivityKind.UPLOADED, summary, event.staff());
	}

	@EventListener
	void on(DocumentRequestAnswered event) {
		String summary;
		if (!event.notApplicable()) {
			summary = text("activity.request-answered", event.by(), event.title());
		}
		else if (event.reason() == null || event.reason().isBlank()) {
			summary = text("activity.request-not-applicable", event.by(), event.title());
		}
		else {
			summary = text("activity.request-not-applicable-because", event.by(), event.title(), event.reason());
		}
		tellStaff(event.firm(), event.client(), event.engagement(), ActivityKind.REQUEST_ANSWERED, summary, null);
	}

	/** A contact's message goes to the firm; a staff member's to the client's contacts. */
	@EventListener
	void on(MessagePosted event) {
		var excerpt = event.excerpt() == null ? "" : event.excerpt();
		if (event.contact() != null) {
			var summary = event.opened()
					? text("activity.client-message-opened", event.by(), event.subject(), excerpt, event.attachments())
					: text("activity.client-message", event.by(), excerpt, event.attachments());
			tellStaff(event.firm(), event.client(), event.engagement(), ActivityKind.CLIENT_MESSAGE, summary, null);
			return;
		}
		var firm = firms.get(event.firm());
		var summary = event.opened()
				? text("activity.firm-message-opened", event.by(), event.subject(), excerpt, event.attachments())
				: text("activity.firm-message", event.by(), excerpt, event.attachments());
		tellContacts(event.firm(), event.client(), event.engagement(), ActivityKind.FIRM_MESSAGE, summary,
				"/p/" + firm.slug() + "/messages", null);
	}

	// ---------------------------------------------------------------- the firm's activity, for contacts

	/** Only requests the portal shows: outside an engagement, or in one that is shared. */
	@EventListener
	void on(DocumentRequested event) {
		if (event.engagement() != null
				&& !engagements.ref(event.firm(), event.engagement()).map(EngagementRef::sharedInPortal).orElse(false)) {
			return;
		}
		var firm = firms.get(event.firm());
		var summary = event.dueDate() == null ? text("activity.document-requested", firm.name(), event.title())
				: text("activity.document-requested-due", firm.name(), event.title(), due(event.dueDate()));
		tellContacts(event.firm(), event.client(), event.engagement(), ActivityKind.DOCUMENT_REQUESTED, summary,
				"/p/" + firm.slug() + "/documents", null);
	}

	/** Document requests are told by {@link DocumentRequested}, with their due date. */
	@EventListener
	void on(PortalItemShared event) {
		if (event.kind() == SharedItemKind.DOCUMENT_REQUEST) {
			return;
		}
		var firm = firms.get(event.firm());
		var kind = switch (event.kind()) {
			case TASK, QUESTIONNAIRE, SIGNING_REQUEST -> ActivityKind.TASK_SHARED;
			default -> ActivityKind.ITEM_SHARED;
		};
		var path = event.kind() == SharedItemKind.DOCUMENT ? "/p/" + firm.slug() + "/documents"
				: "/p/" + firm.slug() + "/";
		tellContacts(event.firm(), event.client(), event.engagement(), kind,
				text("activity.shared." + event.kind().name(), event.title()), path, null);
	}

	@EventListener
	void on(EngagementSharedInPortal event) {
		if (!event.shared()) {
			return;
		}
		var firm = firms.get(event.firm());
		tellContacts(event.firm(), event.client(), event.engagement(), ActivityKind.CASE_SHARED,
				text("activity.case-shared", event.name()), "/p/" + firm.slug() + "/", null);
	}

	// ---------------------------------------------------------------- recipients

	private void tellStaff(FirmId firm, ClientId client, EngagementId engagement, ActivityKind kind, String summary,
			StaffId author) {
		var ids = new LinkedHashSet<>(engagement != null ? engagements.activityRecipients(firm, engagement)
				: engagements.clientActivityRecipients(firm, client));
		if (author != null) {
			ids.remove(author);
		}
		var link = engagement != null ? "/app/engagements/" + engagement.value() : "/app/clients/" + client.value();
		for (var user : staff.activeAmong(firm, ids)) {
			log.record(firm, client, engagement, new Recipient(RecipientKind.STAFF, user.id().value(), user.email()),
					kind, summary, link);
		}
	}

	private void tellContacts(FirmId firm, ClientId client, EngagementId engagement, ActivityKind kind,
			String summary, String link, ContactId author) {
		var recipients = access.emailRecipients(firm, client);
		var choices = preferences.of(firm, recipients.stream().map(ContactAccessView::contact).toList());
		for (var contact : recipients) {
			if (contact.contact().equals(author)
					|| !choices.getOrDefault(contact.contact(), ContactNotificationPreferences.ALL).allows(kind.topic())) {
				continue;
			}
			log.record(firm, client, engagement,
					new Recipient(RecipientKind.CONTACT, contact.contact().value(), contact.email()), kind, summary, link);
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LOCALE);
	}

	private static String due(LocalDate date) {
		return DUE.format(date);
	}
}

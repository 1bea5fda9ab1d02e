package io.atrium.notification;

import java.util.HashMap;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalInvitationSent;
import io.atrium.access.PortalMagicLinkRequested;
import io.atrium.access.PortalPasswordResetRequested;
import io.atrium.firm.FirmManagement;

/**
 * Emails to client contacts about their portal access: the invitation, the magic sign-in link and the password
 * reset link. Synchronous, like {@link StaffMailListener}: the email is written in the transaction that made the
 * link, so a link never exists without its email, nor an email without its link.
 */
@Component
class PortalMailListener {

	private final FirmManagement firms;
	private final PortalAccessManagement access;
	private final MailTemplates templates;
	private final Outbox outbox;
	private final MessageSource messages;

	PortalMailListener(FirmManagement firms, PortalAccessManagement access, MailTemplates templates, Outbox outbox,
			MessageSource messages) {
		this.firms = firms;
		this.access = access;
		this.templates = templates;
		this.outbox = outbox;
		this.messages = messages;
	}

	/** "Set your password" where the firm uses passwords; "Go to client portal" where it signs in by link only. */
	@EventListener
	void on(PortalInvitationSent event) {
		var firm = firms.get(event.firm());
		var variables = new HashMap<String, Object>();
		variables.put("name", event.contactName());
		variables.put("clientName", event.clientName());
		variables.put("roleName", messages.getMessage("portal.role." + event.role().name(), null, Locale.ENGLISH));
		variables.put("note", event.note());
		variables.put("setsPassword", access.settings(event.firm()).signInMethods().allowsPassword());
		variables.put("url", templates.link("/p/{slug}/invite/{token}", firm.slug(), event.token()));
		variables.put("validFor", templates.validFor(event.expiresAt()));
		var email = templates.render("portal-invitation", firm, variables, firm.name());
		outbox.enqueue(firm.id(), event.email(), email);
	}

	@EventListener
	void on(PortalMagicLinkRequested event) {
		var firm = firms.get(event.firm());
		var variables = new HashMap<String, Object>();
		variables.put("url", templates.link("/p/{slug}/link/{token}", firm.slug(), event.token()));
		variables.put("validFor", templates.validFor(event.expiresAt()));
		var email = templates.render("portal-magic-link", firm, variables, firm.name());
		outbox.enqueue(firm.id(), event.email(), email);
	}

	@EventListener
	void on(PortalPasswordResetRequested event) {
		var firm = firms.get(event.firm());
		var variables = new HashMap<String, Object>();
		variables.put("url", templates.link("/p/{slug}/password/reset/{token}", firm.slug(), event.token()));
		variables.put("validFor", templates.validFor(event.expiresAt()));
		var email = templates.render("portal-password-reset", firm, variables, firm.name());
		outbox.enqueue(firm.id(), event.email(), email);
	}
}

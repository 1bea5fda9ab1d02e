package io.atrium.notification;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffInvited;
import io.atrium.staff.StaffPasswordResetRequested;

/**
 * Emails to staff. Synchronous listeners on purpose: the email is written in the transaction of the change that
 * promises it, so an invitation never exists without its email, nor an email without its invitation.
 */
@Component
class StaffMailListener {

	private final FirmManagement firms;
	private final MailTemplates templates;
	private final Outbox outbox;

	StaffMailListener(FirmManagement firms, MailTemplates templates, Outbox outbox) {
		this.firms = firms;
		this.templates = templates;
		this.outbox = outbox;
	}

	@EventListener
	void on(StaffInvited event) {
		var firm = firms.get(event.firm());
		var email = templates.render("staff-invitation", firm,
				Map.of("name", event.name(), "inviter", event.invitedByName(),
						"url", templates.link("/invitation/{token}", event.token()),
						"validFor", templates.validFor(event.expiresAt())),
				event.invitedByName(), firm.name());
		outbox.enqueue(firm.id(), event.email(), email);
	}

	@EventListener
	void on(StaffPasswordResetRequested event) {
		var firm = firms.get(event.firm());
		var email = templates.render("staff-password-reset", firm,
				Map.of("name", event.name(), "url", templates.link("/password/reset/{token}", event.token()),
						"validFor", templates.validFor(event.expiresAt())),
				firm.name());
		outbox.enqueue(firm.id(), event.email(), email);
	}
}

package io.atrium.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientUpdated;
import io.atrium.client.ContactDeleted;
import io.atrium.client.ContactUpdated;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;

/**
 * Keeps portal access in step with the client module, synchronously and in the same transaction: a deleted contact
 * loses their access before the contact row goes, a contact whose email changed loses the access granted to the
 * old address, and renamed clients and contacts are renamed in the portal's sessions too.
 */
@Component
class ClientChangesListener {

	private final PortalAccessManagement access;

	ClientChangesListener(PortalAccessManagement access) {
		this.access = access;
	}

	@EventListener
	void on(ContactDeleted event) {
		access.contactDeleted(event.firm(), event.contact(), actor(event.by()));
	}

	@EventListener
	void on(ContactUpdated event) {
		access.contactUpdated(event.firm(), event.contact(), event.name(), event.email(), event.previousEmail(),
				actor(event.by()));
	}

	@EventListener
	void on(ClientUpdated event) {
		access.clientRenamed(event.firm(), event.client(), event.name());
	}

	/** The staff member who made the change, labelled by email when they are the one signed in (the usual case). */
	private static PortalActor actor(StaffId by) {
		if (by == null) {
			return new PortalActor(null, null, null);
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var email = authentication != null && authentication.getPrincipal() instanceof StaffPrincipal me
				&& me.id().equals(by) ? me.email() : null;
		return PortalActor.staff(by, email);
	}
}

package io.atrium.access;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * Who is signed in to a firm's portal, as of now: the identity, its address, and every contact it may act as
 * (Enabled access of a role that signs in). Re-read on every portal request ({@link PortalAccessManagement#current});
 * {@code credentialsVersion} changes when the identity's password does, so a session opened before a password
 * change can be ended.
 */
public record PortalSession(PortalIdentityId identity, FirmId firm, String email, List<PortalMembership> memberships,
		int credentialsVersion) implements Serializable {

	public PortalSession {
		memberships = List.copyOf(memberships);
	}

	public Optional<PortalMembership> membership(ContactId contact) {
		return memberships.stream().filter(m -> m.contact().equals(contact)).findFirst();
	}

	/** The memberships within one client (more than one when contacts of the client share this address). */
	public List<PortalMembership> memberships(ClientId client) {
		return memberships.stream().filter(m -> m.client().equals(client)).toList();
	}

	/** The clients this identity may enter, in the order of {@link #memberships()}, each once. */
	public List<ClientId> clients() {
		var clients = new ArrayList<ClientId>();
		for (var membership : memberships) {
			if (!clients.contains(membership.client())) {
				clients.add(membership.client());
			}
		}
		return clients;
	}
}

package io.atrium.access;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * One contact's portal access: which identity (email) it belongs to, the portal role and the status. Keyed by the
 * contact, as a contact has one access at most; removing access deletes the row (the contact stays).
 */
@Table("portal_access")
class PortalAccess {

	private final @Id UUID contactId;
	private final UUID firmId;
	private final UUID clientId;
	private final UUID identityId;
	private String clientName;
	private String contactName;
	private PortalRole portalRole;
	private PortalAccessStatus status;
	private Instant lastSignInAt;
	private final Instant createdAt;
	private Instant updatedAt;
	private @Version Integer version;

	@PersistenceCreator
	PortalAccess(UUID contactId, UUID firmId, UUID clientId, UUID identityId, String clientName, String contactName,
			PortalRole portalRole, PortalAccessStatus status, Instant lastSignInAt, Instant createdAt,
			Instant updatedAt, Integer version) {
		this.contactId = contactId;
		this.firmId = firmId;
		this.clientId = clientId;
		this.identityId = identityId;
		this.clientName = clientName;
		this.contactName = contactName;
		this.portalRole = portalRole;
		this.status = status;
		this.lastSignInAt = lastSignInAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * New access: Invited for a role that signs in (the invitation link enables it), Enabled at once for a
	 * Notify-only contact, who has nothing to accept.
	 */
	static PortalAccess grant(FirmId firm, ClientId client, String clientName, ContactId contact, String contactName,
			PortalIdentityId identity, PortalRole role, Instant now) {
		var status = role.signsIn() ? PortalAccessStatus.INVITED : PortalAccessStatus.ENABLED;
		return new PortalAccess(contact.value(), firm.value(), client.value(), identity.value(), clip(clientName),
				clip(contactName), role, status, null, now, now, null);
	}

	/** Invited again (perhaps in another role); only while the invitation is pending. */
	void reinvite(PortalRole role, Instant now) {
		if (status != PortalAccessStatus.INVITED) {
			throw new IllegalStateException("not invited");
		}
		changeRole(role, now);
	}

	/**
	 * A new role. A pending invitation to Notify-only becomes Enabled, as there is nothing left to accept; other
	 * statuses stay.
	 */
	void changeRole(PortalRole role, Instant now) {
		this.portalRole = role;
		if (status == PortalAccessStatus.INVITED && !role.signsIn()) {
			status = PortalAccessStatus.ENABLED;
		}
		this.updatedAt = now;
	}

	/** The invitation was accepted, or the firm gave the contact a password. */
	void enable(Instant now) {
		status = PortalAccessStatus.ENABLED;
		updatedAt = now;
	}

	void revoke(Instant now) {
		status = PortalAccessStatus.DISABLED;
		updatedAt = now;
	}

	void reenable(Instant now) {
		if (status != PortalAccessStatus.DISABLED) {
			throw new IllegalStateException("not disabled");
		}
		status = PortalAccessStatus.ENABLED;
		updatedAt = now;
	}

	void recordSignIn(Instant now) {
		lastSignInAt = now;
	}

	void renameContact(String name) {
		this.contactName = clip(name);
	}

	void renameClient(String name) {
		this.clientName = clip(name);
	}

	/** Enabled in a role that signs in: the contact is one the identity may act as in the portal. */
	boolean isMembership() {
		return status == PortalAccessStatus.ENABLED && portalRole.signsIn();
	}

	ContactId contact() {
		return new ContactId(contactId);
	}

	ClientId client() {
		return new ClientId(clientId);
	}

	FirmId firm() {
		return new FirmId(firmId);
	}

	PortalIdentityId identity() {
		return new PortalIdentityId(identityId);
	}

	PortalRole role() {
		return portalRole;
	}

	PortalAccessStatus status() {
		return status;
	}

	Instant lastSignInAt() {
		return lastSignInAt;
	}

	String clientName() {
		return clientName;
	}

	String contactName() {
		return contactName;
	}

	PortalMembership membership() {
		return new PortalMembership(client(), clientName, contact(), contactName, portalRole);
	}

	private static String clip(String name) {
		var value = name == null ? "" : name.strip();
		return value.length() > 200 ? value.substring(0, 200) : value;
	}
}

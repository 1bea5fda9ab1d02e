package io.atrium.access;

import java.time.Instant;

import io.atrium.client.ContactId;

/**
 * A contact and their portal access, as the firm's Portal tab and the portal's People page show it. {@code role}
 * is null exactly when the status is {@link PortalAccessStatus#NO_ACCESS}; {@code email} is null when the contact
 * has none (and then no access can be granted). {@code passwordSet} says whether the person can sign in with a
 * password already (they accepted an invitation or were given a password).
 */
public record ContactAccessView(ContactId contact, String name, String email, PortalRole role,
		PortalAccessStatus status, Instant lastSignInAt, boolean passwordSet) {

	public boolean hasEmail() {
		return email != null && !email.isBlank();
	}

	public boolean hasAccess() {
		return status != PortalAccessStatus.NO_ACCESS;
	}
}

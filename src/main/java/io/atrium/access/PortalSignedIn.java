package io.atrium.access;

import io.atrium.firm.FirmId;

/** A portal identity signed in; {@code method} is one of password, magic-link, invitation, password-reset. */
public record PortalSignedIn(FirmId firm, PortalIdentityId identity, String email, String method) {
}

package io.atrium.access;

import io.atrium.firm.FirmId;

/** A portal identity signed out. */
public record PortalSignedOut(FirmId firm, PortalIdentityId identity, String email) {
}

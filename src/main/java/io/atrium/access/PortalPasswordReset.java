package io.atrium.access;

import io.atrium.firm.FirmId;

/** A contact set a new password through a reset link. */
public record PortalPasswordReset(FirmId firm, PortalIdentityId identity, String email) {
}

package io.atrium.access;

import io.atrium.firm.FirmId;

/**
 * A portal sign-in failed; {@code reason} is one of unknown, password, locked, no-access, method-not-allowed,
 * throttled, link.
 */
public record PortalSignInFailed(FirmId firm, String email, String reason) {
}

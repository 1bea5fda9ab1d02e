package io.atrium.access;

import java.time.Instant;

import io.atrium.firm.FirmId;

/** A password reset link was asked for by an address with portal access; the token is for the email only. */
public record PortalPasswordResetRequested(FirmId firm, PortalIdentityId identity, String email, String token,
		Instant expiresAt) {

	/** Keeps the link token out of logs. */
	@Override
	public String toString() {
		return "PortalPasswordResetRequested[firm=" + firm + ", identity=" + identity + "]";
	}
}

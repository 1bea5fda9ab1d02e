package io.atrium.staff;

/** Someone asked for a password reset link for an active staff user. */
public record StaffPasswordResetRequested(io.atrium.firm.FirmId firm, StaffId staff, String email, String name, String token, java.time.Instant expiresAt) {

	/** Keeps the link token out of logs. */
	@Override
	public String toString() {
		return "StaffPasswordResetRequested[firm=" + firm + ", staff=" + staff + "]";
	}
}

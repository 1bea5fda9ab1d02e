package io.atrium.staff;

/** An Owner or Admin invited a colleague; the token is the plain single-use link token, for the email only. */
public record StaffInvited(io.atrium.firm.FirmId firm, StaffId staff, String email, String name, FirmRole role, StaffId invitedBy, String invitedByName, String token, java.time.Instant expiresAt) {

	/** Keeps the link token out of logs. */
	@Override
	public String toString() {
		return "StaffInvited[firm=" + firm + ", staff=" + staff + "]";
	}
}

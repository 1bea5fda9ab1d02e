package io.atrium.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.firm.FirmId;

@Table("staff_user")
class StaffUser {

	private final @Id UUID id;
	private final UUID firmId;
	private final String email;
	private String fullName;
	private FirmRole firmRole;
	private StaffStatus status;
	private String passwordHash;
	private int failedSignIns;
	private Instant lockedUntil;
	private Instant lastSignInAt;
	private final Instant createdAt;
	private @Version Integer version;

	@PersistenceCreator
	StaffUser(UUID id, UUID firmId, String email, String fullName, FirmRole firmRole, StaffStatus status,
			String passwordHash, int failedSignIns, Instant lockedUntil, Instant lastSignInAt, Instant createdAt,
			Integer version) {
		this.id = id;
		this.firmId = firmId;
		this.email = email;
		this.fullName = fullName;
		this.firmRole = firmRole;
		this.status = status;
		this.passwordHash = passwordHash;
		this.failedSignIns = failedSignIns;
		this.lockedUntil = lockedUntil;
		this.lastSignInAt = lastSignInAt;
		this.createdAt = createdAt;
		this.version = version;
	}

	static String normalizeEmail(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	static StaffUser owner(FirmId firm, String email, String name, String passwordHash, Instant now) {
		return new StaffUser(UUID.randomUUID(), firm.value(), normalizeEmail(email), name.strip(), FirmRole.OWNER,
				StaffStatus.ACTIVE, passwordHash, 0, null, null, now, null);
	}

	static StaffUser invited(FirmId firm, String email, String name, FirmRole role, Instant now) {
		return new StaffUser(UUID.randomUUID(), firm.value(), normalizeEmail(email), name.strip(), role,
				StaffStatus.INVITED, null, 0, null, null, now, null);
	}

	void acceptInvitation(String name, String passwordHash) {
		if (status != StaffStatus.INVITED) {
			throw new IllegalStateException("invitation already accepted");
		}
		this.fullName = name.strip();
		this.passwordHash = passwordHash;
		this.status = StaffStatus.ACTIVE;
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a wrong password; after {@code maxFailures} in a row the account locks for {@code lockFor}. */
	void recordFailedSignIn(Instant now, int maxFailures, Duration lockFor) {
		failedSignIns++;
		if (failedSignIns >= maxFailures) {
			lockedUntil = now.plus(lockFor);
			failedSignIns = 0;
		}
	}

	void recordSignIn(Instant now) {
		failedSignIns = 0;
		lockedUntil = null;
		lastSignInAt = now;
	}

	/** A new password, set by the person through a reset link or while signed in; it also lifts a lock. */
	void setPassword(String passwordHash) {
		if (status == StaffStatus.INVITED) {
			throw new IllegalStateException("an invited user sets a password by accepting the invitation");
		}
		this.passwordHash = passwordHash;
		this.failedSignIns = 0;
		this.lockedUntil = null;
	}

	void deactivate() {
		status = StaffStatus.DEACTIVATED;
	}

	void reactivate() {
		if (status != StaffStatus.DEACTIVATED) {
			throw new IllegalStateException("not deactivated");
		}
		status = passwordHash == null ? StaffStatus.INVITED : StaffStatus.ACTIVE;
	}

	void changeRole(FirmRole role) {
		this.firmRole = role;
	}

	StaffId id() {
		return new StaffId(id);
	}

	FirmId firm() {
		return new FirmId(firmId);
	}

	String email() {
		return email;
	}

	String name() {
		return fullName;
	}

	FirmRole role() {
		return firmRole;
	}

	StaffStatus status() {
		return status;
	}

	String passwordHash() {
		return passwordHash;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	StaffView view() {
		return new StaffView(id(), fullName, email, firmRole, status, lastSignInAt, createdAt);
	}
}

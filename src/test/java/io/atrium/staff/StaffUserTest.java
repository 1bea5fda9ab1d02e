package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.atrium.firm.FirmId;

class StaffUserTest {

	private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

	private StaffUser active() {
		var user = StaffUser.invited(FirmId.random(), " Maria@Example.TEST ", "Maria", FirmRole.MEMBER, now);
		user.acceptInvitation("Maria Lopez", "{argon2}hash");
		return user;
	}

	@Test
	void storesEmailsLowerCased() {
		assertThat(active().email()).isEqualTo("maria@example.test");
	}

	@Test
	void locksAfterTheLastAllowedFailureForAFixedTime() {
		var user = active();
		for (int i = 0; i < 4; i++) {
			user.recordFailedSignIn(now, 5, Duration.ofMinutes(15));
		}
		assertThat(user.isLocked(now)).isFalse();
		user.recordFailedSignIn(now, 5, Duration.ofMinutes(15));
		assertThat(user.isLocked(now)).isTrue();
		assertThat(user.isLocked(now.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(user.isLocked(now.plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void aSuccessfulSignInForgetsEarlierFailures() {
		var user = active();
		for (int i = 0; i < 4; i++) {
			user.recordFailedSignIn(now, 5, Duration.ofMinutes(15));
		}
		user.recordSignIn(now);
		user.recordFailedSignIn(now, 5, Duration.ofMinutes(15));
		assertThat(user.isLocked(now)).isFalse();
	}

	@Test
	void aNewPasswordLiftsTheLock() {
		var user = active();
		for (int i = 0; i < 5; i++) {
			user.recordFailedSignIn(now, 5, Duration.ofMinutes(15));
		}
		user.setPassword("{argon2}new");
		assertThat(user.isLocked(now)).isFalse();
	}

	@Test
	void anInvitationIsAcceptedOnce() {
		var user = active();
		assertThatThrownBy(() -> user.acceptInvitation("Again", "{argon2}x")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void reactivationReturnsToInvitedWhenNoPasswordWasEverSet() {
		var user = StaffUser.invited(FirmId.random(), "x@example.test", "X", FirmRole.MEMBER, now);
		user.deactivate();
		user.reactivate();
		assertThat(user.status()).isEqualTo(StaffStatus.INVITED);
	}
}

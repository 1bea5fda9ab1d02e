package io.atrium.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.platform.SecureToken;
import io.atrium.firm.FirmView;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffInvited;

final class NotificationFixtures {

	private NotificationFixtures() {
	}

	static String uniqueSlug() {
		return "mail-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String uniqueAddress() {
		return "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	static StaffInvited anInvitation(FirmView firm, String email) {
		return new StaffInvited(firm.id(), new StaffId(UUID.randomUUID()), email, "Dana Reyes", FirmRole.MEMBER,
				new StaffId(UUID.randomUUID()), "Sam Owner", SecureToken.generate().value(),
				Instant.now().plus(Duration.ofDays(7)));
	}

	record Row(UUID id, String status, String delivery, int attempts, String lastError) {
	}

	static Row outboxRow(JdbcClient jdbc, String recipient) {
		return jdbc.sql("select id, status, delivery, attempts, last_error from outbox_email where recipient = :to")
			.param("to", recipient)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("delivery"),
					rs.getInt("attempts"), rs.getString("last_error")))
			.optional()
			.orElse(null);
	}

	static void await(BooleanSupplier condition, Duration timeout) {
		var deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + timeout);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted");
			}
		}
	}
}

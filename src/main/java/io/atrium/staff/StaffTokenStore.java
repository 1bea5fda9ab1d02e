package io.atrium.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.platform.SecureToken;
import io.atrium.firm.FirmId;

/**
 * Single-use staff links. A new link of one purpose supersedes the older ones at once, and a link is spent by one
 * conditional update, so two requests racing with one token (on one node or two) cannot both succeed.
 */
@Component
class StaffTokenStore {

	enum Purpose {
		INVITATION, PASSWORD_RESET
	}

	enum State {
		VALID, EXPIRED, USED, UNKNOWN
	}

	private final JdbcClient jdbc;

	StaffTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	SecureToken issue(StaffId staff, FirmId firm, Purpose purpose, Instant now, Instant expiresAt) {
		jdbc.sql("update staff_token set used_at = :now where staff_id = :staff and purpose = :purpose and used_at is null")
			.param("now", ts(now)).param("staff", staff.value()).param("purpose", purpose.name())
			.update();
		var token = SecureToken.generate();
		jdbc.sql("""
				insert into staff_token (token_hash, staff_id, firm_id, purpose, created_at, expires_at)
				values (:hash, :staff, :firm, :purpose, :now, :expires)""")
			.param("hash", token.hash()).param("staff", staff.value()).param("firm", firm.value())
			.param("purpose", purpose.name()).param("now", ts(now)).param("expires", ts(expiresAt))
			.update();
		return token;
	}

	State state(String token, Purpose purpose, Instant now) {
		if (!SecureToken.looksValid(token)) {
			return State.UNKNOWN;
		}
		return jdbc.sql("select expires_at, used_at from staff_token where token_hash = :hash and purpose = :purpose")
			.param("hash", SecureToken.hash(token)).param("purpose", purpose.name())
			.query((rs, n) -> rs.getTimestamp("used_at") != null ? State.USED
					: rs.getTimestamp("expires_at").toInstant().isAfter(now) ? State.VALID : State.EXPIRED)
			.optional().orElse(State.UNKNOWN);
	}

	Optional<StaffId> owner(String token, Purpose purpose) {
		if (!SecureToken.looksValid(token)) {
			return Optional.empty();
		}
		return jdbc.sql("select staff_id from staff_token where token_hash = :hash and purpose = :purpose")
			.param("hash", SecureToken.hash(token)).param("purpose", purpose.name())
			.query((rs, n) -> new StaffId(rs.getObject("staff_id", UUID.class))).optional();
	}

	/** Spends the token; empty when it is unknown, expired, used or superseded. */
	Optional<StaffId> consume(String token, Purpose purpose, Instant now) {
		if (!SecureToken.looksValid(token)) {
			return Optional.empty();
		}
		var hash = SecureToken.hash(token);
		int spent = jdbc.sql("""
				update staff_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
			.param("now", ts(now)).param("hash", hash).param("purpose", purpose.name())
			.update();
		return spent == 1 ? owner(token, purpose) : Optional.empty();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}
}

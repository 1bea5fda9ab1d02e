package io.atrium.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;
import io.atrium.platform.SecureToken;

/**
 * Single-use portal links; only the SHA-256 of a token is stored. A new invitation for a contact, or a new magic or
 * reset link for an identity, supersedes the older unused ones at once. A link is spent by one conditional update,
 * so of two requests racing with one token (on one node or two) exactly one succeeds. Every look-up names the
 * firm of the address it came through: a token never works at another firm's portal.
 */
@Component
class PortalTokenStore {

	/** A stored link, found by its token. */
	record Link(PortalIdentityId identity, ContactId contact, Instant expiresAt, Instant usedAt) {

		LinkCheck check(Instant now) {
			return usedAt != null ? LinkCheck.USED : expiresAt.isAfter(now) ? LinkCheck.VALID : LinkCheck.EXPIRED;
		}
	}

	private final JdbcClient jdbc;

	PortalTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	SecureToken issue(FirmId firm, PortalIdentityId identity, ContactId contact, LinkPurpose purpose, Instant now,
			Instant expiresAt) {
		if (contact != null) {
			jdbc.sql("""
					update portal_token set used_at = :now
					where contact_id = :contact and purpose = :purpose and used_at is null""")
				.param("now", ts(now)).param("contact", contact.value()).param("purpose", purpose.name())
				.update();
		}
		else {
			jdbc.sql("""
					update portal_token set used_at = :now
					where identity_id = :identity and purpose = :purpose and used_at is null""")
				.param("now", ts(now)).param("identity", identity.value()).param("purpose", purpose.name())
				.update();
		}
		var token = SecureToken.generate();
		jdbc.sql("""
				insert into portal_token (token_hash, firm_id, identity_id, contact_id, purpose, created_at, expires_at)
				values (:hash, :firm, :identity, :contact, :purpose, :now, :expires)""")
			.param("hash", token.hash()).param("firm", firm.value()).param("identity", identity.value())
			.param("contact", contact == null ? null : contact.value()).param("purpose", purpose.name())
			.param("now", ts(now)).param("expires", ts(expiresAt))
			.update();
		return token;
	}

	/** Ends the pending invitations of a contact: their access was changed, revoked or removed. */
	void retireInvitations(ContactId contact, Instant now) {
		jdbc.sql("""
				update portal_token set used_at = :now
				where contact_id = :contact and purpose = 'INVITATION' and used_at is null""")
			.param("now", ts(now)).param("contact", contact.value())
			.update();
	}

	Optional<Link> find(FirmId firm, String token, LinkPurpose purpose) {
		if (firm == null || !SecureToken.looksValid(token)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select identity_id, contact_id, expires_at, used_at from portal_token
				where token_hash = :hash and purpose = :purpose and firm_id = :firm""")
			.param("hash", SecureToken.hash(token)).param("purpose", purpose.name()).param("firm", firm.value())
			.query((rs, n) -> link(rs))
			.optional();
	}

	LinkCheck check(FirmId firm, String token, LinkPurpose purpose, Instant now) {
		return find(firm, token, purpose).map(link -> link.check(now)).orElse(LinkCheck.UNKNOWN);
	}

	/** Spends the token; empty when it is unknown, of another firm, expired, used or superseded. */
	Optional<Link> consume(FirmId firm, String token, LinkPurpose purpose, Instant now) {
		if (firm == null || !SecureToken.looksValid(token)) {
			return Optional.empty();
		}
		int spent = jdbc.sql("""
				update portal_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and firm_id = :firm and used_at is null
				  and expires_at > :now""")
			.param("now", ts(now)).param("hash", SecureToken.hash(token)).param("purpose", purpose.name())
			.param("firm", firm.value())
			.update();
		return spent == 1 ? find(firm, token, purpose) : Optional.empty();
	}

	/** How many links of {@code purpose} were made for the identity since {@code since}: to cap emails per address. */
	int issuedSince(PortalIdentityId identity, LinkPurpose purpose, Instant since) {
		return jdbc.sql("""
				select count(*) from portal_token
				where identity_id = :identity and purpose = :purpose and created_at > :since""")
			.param("identity", identity.value()).param("purpose", purpose.name()).param("since", ts(since))
			.query(Integer.class)
			.single();
	}

	private static Link link(ResultSet rs) throws SQLException {
		var contact = rs.getObject("contact_id", UUID.class);
		var used = rs.getTimestamp("used_at");
		return new Link(new PortalIdentityId(rs.getObject("identity_id", UUID.class)),
				contact == null ? null : new ContactId(contact), rs.getTimestamp("expires_at").toInstant(),
				used == null ? null : used.toInstant());
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}
}

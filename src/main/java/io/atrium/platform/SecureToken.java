package io.atrium.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A single-use link token: 256 random bits sent to the person, of which only the SHA-256 is stored. A salt is
 * not needed: the token is random, not chosen by a person.
 */
public record SecureToken(String value, String hash) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public static SecureToken generate() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new SecureToken(value, hash(value));
	}

	public static String hash(String value) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Tokens are 43 base64url characters; anything else is not worth a database look-up. */
	public static boolean looksValid(String value) {
		return value != null && value.length() == 43 && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}
}

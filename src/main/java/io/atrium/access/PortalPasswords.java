package io.atrium.access;

import java.security.SecureRandom;

/**
 * Passwords the firm generates for a contact: 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I),
 * in four groups of five so they can be read out or typed; about 114 bits of randomness.
 */
final class PortalPasswords {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private PortalPasswords() {
	}

	static String generate() {
		var password = new StringBuilder(23);
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				password.append('-');
			}
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}

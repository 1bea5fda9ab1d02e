package io.atrium.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Password rules after NIST SP 800-63B: a minimum length, no composition rules, and no password from a list of
 * commonly used ones. The list is the 100,000-entry password dictionary shipped inside nbvcxz.
 */
@Component
public class PasswordPolicy {

	public static final int STAFF_MINIMUM = 12;
	public static final int CONTACT_MINIMUM = 8;
	/** Long enough for any passphrase, short enough that hashing it is not a denial of service. */
	public static final int MAXIMUM = 128;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("/dictionaries/passwords.txt");
	}

	/** The message key of what is wrong with the password, or empty when it may be used. */
	public Optional<String> check(String password, int minimum, String email) {
		if (password == null || password.codePointCount(0, password.length()) < minimum) {
			return Optional.of("password.too-short");
		}
		if (password.length() > MAXIMUM) {
			return Optional.of("password.too-long");
		}
		var lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || lower.isBlank()) {
			return Optional.of("password.common");
		}
		if (email != null && !email.isBlank()) {
			var address = email.toLowerCase(Locale.ROOT);
			var local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
			if (lower.equals(address) || lower.equals(local)) {
				return Optional.of("password.is-email");
			}
		}
		return Optional.empty();
	}

	public int commonPasswordCount() {
		return common.size();
	}

	private static Set<String> load(String resource) {
		var stream = PasswordPolicy.class.getResourceAsStream(resource);
		if (stream == null) {
			throw new IllegalStateException("common password list missing: " + resource);
		}
		var words = new HashSet<String>(150_000);
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				var word = line.strip();
				if (!word.isEmpty()) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(words);
	}
}

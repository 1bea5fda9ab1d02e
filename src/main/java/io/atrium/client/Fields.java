package io.atrium.client;

import java.util.Locale;
import java.util.regex.Pattern;

import io.atrium.platform.InvalidRequestException;

/**
 * The rules for the values of clients and contacts, shared by forms, the API and CSV import so that all three
 * accept and store the same things. Values are stripped; blank optional values are stored as null.
 */
final class Fields {

	static final int NAME_MAX = 200;
	static final int EMAIL_MAX = 254;
	static final int PHONE_MAX = 40;
	static final int NOTES_MAX = 4000;

	/** Deliberately loose (one @, a dot in the domain, no spaces): mail delivery is the real test of an address. */
	private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\".]+");

	/** Control characters other than line breaks and tabs; PostgreSQL refuses NUL in text outright. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

	private Fields() {
	}

	static String name(String field, String value) {
		var name = singleLine(value);
		if (name == null) {
			throw new InvalidRequestException(field, "client.field.required");
		}
		if (name.length() > NAME_MAX) {
			throw new InvalidRequestException(field, "client.field.too-long." + NAME_MAX);
		}
		return name;
	}

	/** An optional address, lower-cased: one person's address is the same whatever its capitals. */
	static String email(String field, String value) {
		var email = singleLine(value);
		if (email == null) {
			return null;
		}
		email = email.toLowerCase(Locale.ROOT);
		if (email.length() > EMAIL_MAX || !isEmail(email)) {
			throw new InvalidRequestException(field, "client.field.email.invalid");
		}
		return email;
	}

	static String phone(String field, String value) {
		var phone = singleLine(value);
		if (phone != null && phone.length() > PHONE_MAX) {
			throw new InvalidRequestException(field, "client.field.too-long." + PHONE_MAX);
		}
		return phone;
	}

	static String notes(String field, String value) {
		if (value == null) {
			return null;
		}
		var notes = CONTROL.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
		if (notes.isEmpty()) {
			return null;
		}
		if (notes.length() > NOTES_MAX) {
			throw new InvalidRequestException(field, "client.field.too-long." + NOTES_MAX);
		}
		return notes;
	}

	static boolean isEmail(String value) {
		return value != null && value.length() <= EMAIL_MAX && EMAIL.matcher(value).matches();
	}

	static String lower(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	/** Line breaks, tabs and other control characters in a one-line value become spaces. */
	static String singleLine(String value) {
		if (value == null) {
			return null;
		}
		var line = value.replaceAll("[\\p{Cntrl}]+", " ").strip();
		return line.isEmpty() ? null : line;
	}
}

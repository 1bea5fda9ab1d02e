package io.atrium.portal.web;

/** The shape check the portal's forms make before asking anything about an address. */
final class Emails {

	static final int MAXIMUM = 254;

	private Emails() {
	}

	/** The address as typed, without surrounding blanks; never null. */
	static String clean(String email) {
		return email == null ? "" : email.strip();
	}

	/** The message key of what is wrong with the address's shape, or null when it looks like an address. */
	static String problem(String email) {
		if (email.isEmpty()) {
			return "clientportal.email.required";
		}
		if (email.length() > MAXIMUM || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			return "clientportal.email.invalid";
		}
		return null;
	}

	/** What to put back in the form: the address, unless it is absurdly long. */
	static String keep(String email) {
		return email.length() > MAXIMUM ? "" : email;
	}
}

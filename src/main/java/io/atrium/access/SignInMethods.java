package io.atrium.access;

/** How a firm's contacts sign in to its portal: a password, a magic link by email, or either. */
public enum SignInMethods {

	PASSWORD, MAGIC_LINK, BOTH;

	public boolean allowsPassword() {
		return this != MAGIC_LINK;
	}

	public boolean allowsMagicLink() {
		return this != PASSWORD;
	}
}

package io.atrium.firm;

/** The portal address asked for belongs to another firm (or is reserved). */
public class SlugTakenException extends RuntimeException {

	public SlugTakenException(String slug) {
		super("portal address taken: " + slug);
	}
}

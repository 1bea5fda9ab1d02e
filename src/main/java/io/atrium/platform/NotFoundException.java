package io.atrium.platform;

/**
 * Something asked for does not exist, or exists but may not be seen by the one asking: both answer 404, so
 * that the existence of another firm's or client's data never leaks.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}
}

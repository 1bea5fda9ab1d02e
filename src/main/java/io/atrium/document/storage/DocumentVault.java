package io.atrium.document.storage;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.atrium.document.Upload;

/**
 * The document module's way to its bytes: checks, encrypts and stores uploads as they stream in, and opens them
 * again. CONTRACT (being built): see the storage helper's brief.
 */
@Component
public class DocumentVault {

	/**
	 * Streams the upload into the store: refuses a declared or counted length over the limit (TOO_LARGE), an empty
	 * one (EMPTY), a type decided by content that is not allowed (NOT_ALLOWED), a stream that breaks off
	 * (INCOMPLETE); sanitizes the name; computes SHA-256; encrypts; returns only once the bytes are stored whole,
	 * and leaves nothing behind otherwise.
	 */
	public StoredBlob store(Upload upload) {
		throw new UnsupportedOperationException("being built");
	}

	/** The plain bytes of a stored blob, as a resource whose stream skips cheaply (for range requests). */
	public Resource open(StoredBlob blob) {
		throw new UnsupportedOperationException("being built");
	}

	/** Removes the bytes for good (purging the trash); a missing key is not an error. */
	public void delete(String key) {
		throw new UnsupportedOperationException("being built");
	}

	/** A name safe to keep and to send back in Content-Disposition; throws BAD_NAME when nothing usable is left. */
	public static String sanitizeName(String name) {
		throw new UnsupportedOperationException("being built");
	}
}

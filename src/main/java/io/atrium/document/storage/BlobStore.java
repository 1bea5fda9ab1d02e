package io.atrium.document.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * Where the (already encrypted) bytes live: a local folder or an S3 bucket. A blob becomes visible under its key
 * only once it was written whole; a write that fails leaves nothing behind.
 */
interface BlobStore extends AutoCloseable {

	/** Writes what {@code writer} produces under {@code key}; commits only when it returns normally. */
	void put(String key, Writer writer) throws IOException;

	/** The stored bytes, positionable (ranged reads). */
	SeekableByteChannel open(String key) throws IOException;

	/** Removes {@code key}; missing is fine. */
	void delete(String key) throws IOException;

	/** Everything in the store, finished or not (temporary files, pending multipart uploads); for checks and tests. */
	List<String> contents() throws IOException;

	@Override
	void close();

	/** Produces the bytes of a blob. */
	@FunctionalInterface
	interface Writer {

		void writeTo(OutputStream out) throws IOException;
	}
}

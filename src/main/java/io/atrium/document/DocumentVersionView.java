package io.atrium.document;

import java.time.Instant;

/** One stored version of a document, newest first in a history. */
public record DocumentVersionView(int version, String name, String contentType, long size, String sha256,
		String uploadedBy, Instant uploadedAt) {
}

package io.atrium.document;

import java.time.Instant;

/** One view or download of a document: who (staff or contact), when, from where. */
public record DocumentAccessView(String who, boolean byClient, String kind, int version, Instant at, String ip,
		String userAgent) {
}

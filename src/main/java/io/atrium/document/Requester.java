package io.atrium.document;

/** Where a view or download came from, for the document's history. */
public record Requester(String ip, String userAgent) {
}

package io.atrium.messaging;

import io.atrium.document.DocumentId;

/** A file of a message: a document of the conversation, downloaded through the document module's address. */
public record AttachmentView(DocumentId id, String name, long size) {
}

package io.atrium.messaging;

import java.time.Instant;

/** A note as the portal shows it: read-only, with its author and time. */
public record SharedNote(NoteId id, String text, String author, Instant createdAt) {
}

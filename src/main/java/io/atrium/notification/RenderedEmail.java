package io.atrium.notification;

/** An email ready for the outbox: its subject and the same message as HTML and as plain text. */
record RenderedEmail(String subject, String html, String text) {
}

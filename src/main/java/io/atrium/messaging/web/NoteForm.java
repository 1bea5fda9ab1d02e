package io.atrium.messaging.web;

/** A new note as typed, kept to show again with its problems. */
record NoteForm(String text, String engagementId, boolean shared) {

	static NoteForm empty() {
		return new NoteForm("", "", false);
	}

	static NoteForm of(String text, String engagementId, String shared) {
		return new NoteForm(WebIds.clip(text, 10_000), WebIds.clip(engagementId, 64),
				"true".equals(shared) || "on".equals(shared));
	}
}

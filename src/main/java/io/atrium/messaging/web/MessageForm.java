package io.atrium.messaging.web;

/** A new conversation or a reply as typed, kept to show again with its problems. */
record MessageForm(String subject, String engagementId, String text) {

	static MessageForm empty() {
		return new MessageForm("", "", "");
	}

	/** Values as they came, clipped so that a huge post is not echoed back whole. */
	static MessageForm of(String subject, String engagementId, String text) {
		return new MessageForm(WebIds.clip(subject, 1_000), WebIds.clip(engagementId, 64), WebIds.clip(text, 20_000));
	}
}

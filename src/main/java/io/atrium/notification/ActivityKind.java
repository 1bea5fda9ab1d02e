package io.atrium.notification;

/**
 * What a line of client activity is about. Staff lines tell of the client's doings; contact lines of the firm's,
 * each under the topic a contact can switch off.
 */
enum ActivityKind {

	UPLOADED(null), REQUEST_ANSWERED(null), CLIENT_MESSAGE(null),
	ITEM_SHARED(Topic.SHARED_ITEMS), CASE_SHARED(Topic.SHARED_ITEMS), DOCUMENT_REQUESTED(Topic.REQUESTS),
	TASK_SHARED(Topic.REQUESTS), FIRM_MESSAGE(Topic.MESSAGES);

	/** The contact's preference that governs a kind; null for staff kinds. */
	enum Topic {
		SHARED_ITEMS, REQUESTS, MESSAGES
	}

	private final Topic topic;

	ActivityKind(Topic topic) {
		this.topic = topic;
	}

	Topic topic() {
		return topic;
	}
}

package io.atrium.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.atrium.document.DocumentId;
import io.atrium.document.DocumentView;
import io.atrium.platform.InvalidRequestException;

/** The rules for what people write (subjects, messages, notes), and turning stored messages into what a reader sees. */
final class Texts {

	static final int MAX_SUBJECT = 200;
	static final int MAX_MESSAGE = 10_000;
	static final int MAX_NOTE = 5_000;
	static final int MAX_EXCERPT = 200;
	static final int MAX_FILES = 10;

	private Texts() {
	}

	static String subject(String value) {
		return required(value, "subject", MAX_SUBJECT);
	}

	static String message(String value) {
		return required(value, "text", MAX_MESSAGE);
	}

	static String note(String value) {
		return required(value, "text", MAX_NOTE);
	}

	static void files(Collection<?> files) {
		if (files != null && files.size() > MAX_FILES) {
			throw new InvalidRequestException("files", "messaging.files.too-many");
		}
	}

	/** The start of a text for an email or a list: at most 200 characters, on one line. */
	static String excerpt(String text) {
		var flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= MAX_EXCERPT ? flat : flat.substring(0, MAX_EXCERPT - 1).stripTrailing() + "…";
	}

	/** A note's first line, as the title of what the portal tells the client about. */
	static String firstLine(String text) {
		var line = text.strip().lines().findFirst().orElse("").strip();
		return line.length() <= 120 ? line : line.substring(0, 119).stripTrailing() + "…";
	}

	private static String required(String value, String field, int max) {
		var text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new InvalidRequestException(field, "messaging." + field + ".required");
		}
		if (text.length() > max) {
			throw new InvalidRequestException(field, "messaging." + field + ".too-long");
		}
		return text;
	}

	/**
	 * The thread as a reader sees it: messages after {@code lastRead} that someone else wrote are new to them;
	 * attachments are named from the conversation's documents (a document deleted since is left out).
	 */
	static List<MessageView> thread(List<ConversationStore.Message> messages, int lastRead,
			Function<ConversationStore.Message, Boolean> mine, Map<DocumentId, DocumentView> documents) {
		var views = new ArrayList<MessageView>(messages.size());
		for (var m : messages) {
			var files = m.documents()
				.stream()
				.filter(documents::containsKey)
				.map(id -> new AttachmentView(id, documents.get(id).name(), documents.get(id).size()))
				.toList();
			views.add(new MessageView(m.seq(), m.author(), m.contact() != null, m.postedAt(), m.body(), files,
					m.seq() > lastRead && !mine.apply(m)));
		}
		return views;
	}
}

package io.atrium.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One message of a thread: who wrote it (a staff member, or a contact: {@code byClient}), when, the text and the
 * files that came with it; {@code unread}: new to the reader since they last opened the thread.
 */
public record MessageView(int seq, String author, boolean byClient, Instant postedAt, String text,
		List<AttachmentView> attachments, boolean unread) {
}

package io.atrium.messaging;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * A message was written in a conversation of a client: the first of a conversation a contact started with "Send a
 * request" ({@code opened}), or a reply. Exactly one of {@code staff} and {@code contact} is the author.
 * {@code engagement} is null for conversations not tied to one. {@code excerpt} is the start of the text, for
 * notification emails; {@code attachments} counts the files that came with it.
 */
public record MessagePosted(FirmId firm, ClientId client, EngagementId engagement, ConversationId conversation,
		String subject, String excerpt, int attachments, boolean opened, StaffId staff, ContactId contact,
		String by) {
}

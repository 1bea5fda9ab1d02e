package io.atrium.document;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** An upload was stored whole and became a document (a new one, a new version, or an attachment of a conversation); {@code contact} is set for uploads from the portal, {@code staff} for the firm's. */
public record DocumentUploaded(FirmId firm, ClientId client, EngagementId engagement, DocumentId document, String name, int version, DocumentVisibility visibility, DocumentRequestId request, java.util.UUID conversation, StaffId staff, ContactId contact, String by) {
}

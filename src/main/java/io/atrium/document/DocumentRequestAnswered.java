package io.atrium.document;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;

/**
 * A contact answered a document request, by uploading ({@code notApplicable} false) or by saying it does not apply,
 * with a reason.
 */
public record DocumentRequestAnswered(FirmId firm, ClientId client, EngagementId engagement,
		DocumentRequestId request, String title, boolean notApplicable, String reason, ContactId contact, String by) {
}

package io.atrium.document;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** Staff accepted a document request's answer ({@code accepted}) or reopened the request. */
public record DocumentRequestReviewed(FirmId firm, ClientId client, EngagementId engagement, DocumentRequestId request, String title, boolean accepted, StaffId by) {
}

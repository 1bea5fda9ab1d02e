package io.atrium.document;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** Staff asked the client for a named document on an engagement. */
public record DocumentRequested(FirmId firm, ClientId client, EngagementId engagement, DocumentRequestId request, String title, java.time.LocalDate dueDate, StaffId by) {
}

package io.atrium.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;

/** A request for a named document on an engagement, with the files that answer it. */
public record DocumentRequestView(DocumentRequestId id, ClientId client, String clientName, EngagementId engagement,
		String engagementName, String title, String description, LocalDate dueDate, RequestStatus status,
		String reason, String requestedBy, Instant requestedAt, String answeredBy, Instant answeredAt,
		List<DocumentView> files) {
}

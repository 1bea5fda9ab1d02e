package io.atrium.engagement;

import java.util.UUID;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * An item became visible in the client's portal: it was shared explicitly (or created shared) and its engagement,
 * if it has one, is shared too. {@code engagement} is null for items shared at client level. The client's contacts
 * are told of it (notification), and it is audited.
 */
public record PortalItemShared(FirmId firm, ClientId client, EngagementId engagement, SharedItemKind kind, UUID item,
		String title, StaffId by) {
}

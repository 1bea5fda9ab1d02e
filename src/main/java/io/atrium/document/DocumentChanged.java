package io.atrium.document;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** A document was renamed, moved, made client-visible or firm-only, deleted to the trash, restored or purged; {@code change} says which (rename, move, visibility, delete, restore, purge) and {@code detail} how. */
public record DocumentChanged(FirmId firm, ClientId client, EngagementId engagement, DocumentId document, String name, String change, String detail, StaffId staff, ContactId contact, String by) {
}

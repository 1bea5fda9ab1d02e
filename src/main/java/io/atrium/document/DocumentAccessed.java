package io.atrium.document;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** A document was viewed ({@code kind} "view") or downloaded ("download"), by a staff member or a contact. */
public record DocumentAccessed(FirmId firm, ClientId client, DocumentId document, String name, String kind,
		StaffId staff, ContactId contact, String by) {
}

package io.atrium.access;

import io.atrium.client.ContactId;
import io.atrium.staff.StaffId;

/**
 * Who made a change of portal access: a staff member (firm side) or a client contact acting in the portal (an
 * Owner on the People page); {@code email} labels either in the audit log. All null for changes nobody made
 * directly (a contact's deletion taking their access with it names the staff member who deleted the contact).
 */
public record PortalActor(StaffId staff, ContactId contact, String email) {

	public static PortalActor staff(StaffId staff, String email) {
		return new PortalActor(staff, null, email);
	}

	public static PortalActor contact(ContactId contact, String email) {
		return new PortalActor(null, contact, email);
	}
}

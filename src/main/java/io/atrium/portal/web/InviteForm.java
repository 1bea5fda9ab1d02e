package io.atrium.portal.web;

/**
 * The People page's invitation: which of the client's contacts, with which role, and an optional personal note.
 * Plain strings, so that any input comes back to the form with a message rather than a binding failure.
 */
record InviteForm(String contact, String role, String note) {

	static InviteForm empty() {
		return new InviteForm("", "", "");
	}
}

package io.atrium.client.web;

import io.atrium.client.ContactView;
import io.atrium.client.NewContact;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The add-contact and edit-contact form. */
record ContactForm(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String email,
		@Size(max = 40) String phone, @Size(max = 4000) String notes) {

	static ContactForm empty() {
		return new ContactForm("", "", "", "");
	}

	static ContactForm of(ContactView contact) {
		return new ContactForm(contact.name(), contact.email(), contact.phone(), contact.notes());
	}

	NewContact toNewContact() {
		return new NewContact(name, email, phone, notes);
	}
}

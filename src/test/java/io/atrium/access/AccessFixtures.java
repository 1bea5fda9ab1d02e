package io.atrium.access;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.test.context.event.ApplicationEvents;

import io.atrium.client.ClientFixtures;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ContactId;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffPrincipal;

/** Clients, contacts and portal links for the access module's tests; every call makes new, unique addresses. */
final class AccessFixtures {

	static final String CONTACT_PASSWORD = "orchid lantern seventy";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private AccessFixtures() {
	}

	/** A client of the owner's firm with one contact who has an email address. */
	record ClientWithContact(ClientId client, ContactId contact, String email) {
	}

	static ClientWithContact aClientWithContact(ClientManagement clients, StaffPrincipal owner) {
		var email = StaffFixtures.uniqueEmail("contact");
		var client = clients.create(owner, ClientFixtures.anIndividual("Client " + email));
		var contact = clients.addContact(owner, client.id(), ClientFixtures.aContact("Jordan " + email, email));
		return new ClientWithContact(client.id(), contact.id(), email);
	}

	static ContactId aContact(ClientManagement clients, StaffPrincipal owner, ClientId client, String name,
			String email) {
		return clients.addContact(owner, client, ClientFixtures.aContact(name, email)).id();
	}

	/** The plain token of the newest invitation sent to {@code contact}, as the email carries it. */
	static String invitationToken(ApplicationEvents events, ContactId contact) {
		return events.stream(PortalInvitationSent.class)
			.filter(e -> e.contact().equals(contact))
			.reduce((first, second) -> second)
			.orElseThrow()
			.token();
	}

	static String magicLinkToken(ApplicationEvents events, String email) {
		return events.stream(PortalMagicLinkRequested.class)
			.filter(e -> e.email().equals(email))
			.reduce((first, second) -> second)
			.orElseThrow()
			.token();
	}

	static String resetToken(ApplicationEvents events, String email) {
		return events.stream(PortalPasswordResetRequested.class)
			.filter(e -> e.email().equals(email))
			.reduce((first, second) -> second)
			.orElseThrow()
			.token();
	}

	/** Invites the contact as {@code role} and accepts with {@link #CONTACT_PASSWORD}. */
	static PortalSession anEnabledContact(PortalAccessManagement access, ApplicationEvents events,
			StaffPrincipal owner, ClientWithContact c, PortalRole role, String slug) {
		access.invite(owner, c.client(), c.contact(), role, null);
		return access.acceptInvitation(slug, invitationToken(events, c.contact()), CONTACT_PASSWORD);
	}

	static String csrf(String page) {
		var matcher = CSRF.matcher(page);
		return matcher.find() ? matcher.group(1).replace("&#45;", "-") : "";
	}

	static Map<String, String> form(String... pairs) {
		var map = new java.util.LinkedHashMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}
}

package io.atrium.portal;

import java.net.http.HttpResponse;
import java.util.Map;

import io.atrium.TestHttp;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.client.ClientView;
import io.atrium.client.ContactView;
import io.atrium.client.NewClient;
import io.atrium.client.NewContact;
import io.atrium.firm.FirmManagement;
import io.atrium.firm.FirmView;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * Firms with clients whose contacts have portal access, made through the facades as a firm's staff would; every
 * call makes a new firm, client and address, so tests never depend on each other.
 */
public final class PortalFixtures {

	private final StaffManagement staff;
	private final FirmManagement firms;
	private final ClientManagement clients;
	private final PortalAccessManagement access;

	public PortalFixtures(StaffManagement staff, FirmManagement firms, ClientManagement clients,
			PortalAccessManagement access) {
		this.staff = staff;
		this.firms = firms;
		this.clients = clients;
		this.access = access;
	}

	/** A firm, its staff Owner, and (through {@link #client}) its clients. */
	public record Firm(StaffPrincipal owner, FirmView view) {

		public String slug() {
			return view.slug();
		}

		public String path(String rest) {
			return "/p/" + view.slug() + rest;
		}
	}

	/** A contact with Enabled access and a generated password. */
	public record Member(Firm firm, ClientView client, ContactView contact, String email, String password) {

		public String path(String rest) {
			return firm.path(rest);
		}
	}

	public Firm aFirm() {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		return new Firm(owner, firms.get(owner.firm()));
	}

	public ClientView client(Firm firm, String name) {
		return clients.create(firm.owner(), new NewClient(ClientType.BUSINESS, name, null, null, null));
	}

	public ContactView contact(Firm firm, ClientView client, String name, String email) {
		return clients.addContact(firm.owner(), client.id(), new NewContact(name, email, null, null));
	}

	/** A new firm with one client whose one contact has access in {@code role} and a generated password. */
	public Member aMember(PortalRole role) {
		return aMember(aFirm(), role);
	}

	public Member aMember(Firm firm, PortalRole role) {
		var client = client(firm, "Client " + StaffFixtures.uniqueSlug());
		return member(firm, client, "Casey Contact", StaffFixtures.uniqueEmail("contact"), role);
	}

	/** Gives a new contact of {@code client} with {@code email} access in {@code role}, with a generated password. */
	public Member member(Firm firm, ClientView client, String name, String email, PortalRole role) {
		var contact = contact(firm, client, name, email);
		var password = access.enableWithGeneratedPassword(firm.owner(), client.id(), contact.id(), role);
		return new Member(firm, client, contact, email, password);
	}

	/** Signs in on the firm's portal sign-in page; returns the response of the POST. */
	public static HttpResponse<String> signIn(TestHttp http, String slug, String email, String password) {
		return http.submit("/p/" + slug + "/signin", "/p/" + slug + "/signin",
				Map.of("email", email, "password", password));
	}

	public static HttpResponse<String> signIn(TestHttp http, Member member) {
		return signIn(http, member.firm().slug(), member.email(), member.password());
	}

	public static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/** The page without what differs between two identical renderings: CSRF tokens and the address typed. */
	public static String normalized(String body, String... addresses) {
		var result = body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"*\"");
		for (var address : addresses) {
			result = result.replace(address, "ADDRESS");
		}
		return result;
	}
}

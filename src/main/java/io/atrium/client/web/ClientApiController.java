package io.atrium.client.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.client.ClientManagement;
import io.atrium.client.ClientQuery;
import io.atrium.client.ClientView;
import io.atrium.client.ContactView;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;

/**
 * JSON: the clients the caller sees, filtered like the list page ({@code q}, {@code type}, {@code status},
 * {@code page} from 1, {@code size} up to 100), and one client with its contacts. A client the caller may not see
 * is 404, like one that does not exist.
 */
@RestController
class ClientApiController {

	record ClientJson(String id, String type, String name, String email, String phone, String notes, String status,
			String createdAt) {

		static ClientJson of(ClientView client) {
			return new ClientJson(client.id().toString(), client.type().name(), client.name(), client.email(),
					client.phone(), client.notes(), client.status().name(), client.createdAt().toString());
		}
	}

	record ContactJson(String id, String name, String email, String phone, String notes) {

		static ContactJson of(ContactView contact) {
			return new ContactJson(contact.id().toString(), contact.name(), contact.email(), contact.phone(),
					contact.notes());
		}
	}

	record ClientListJson(List<ClientJson> items, int page, int size, long total) {
	}

	record ClientDetailJson(ClientJson client, List<ContactJson> contacts) {
	}

	private final ClientManagement clients;

	ClientApiController(ClientManagement clients) {
		this.clients = clients;
	}

	@GetMapping("/api/v1/clients")
	ClientListJson list(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
		var query = ClientQuery.fromParameters(request::getParameter, size(request.getParameter("size")));
		var page = clients.search(me, query);
		return new ClientListJson(page.clients().stream().map(ClientJson::of).toList(), page.page() + 1, page.size(),
				page.total());
	}

	@GetMapping("/api/v1/clients/{id}")
	ClientDetailJson get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id) {
		var client = clients.get(me, ClientIds.client(id));
		return new ClientDetailJson(ClientJson.of(client),
				clients.contacts(me, client.id()).stream().map(ContactJson::of).toList());
	}

	/** Any unreadable size is the default; ClientQuery caps it. */
	private static int size(String value) {
		if (value == null || value.isBlank() || value.length() > 4) {
			return ClientQuery.DEFAULT_SIZE;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			return ClientQuery.DEFAULT_SIZE;
		}
	}
}

package io.atrium.access.web;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalAccessStatus;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client page's Portal tab: the client's contacts with their portal access, and one small form per action.
 * htmx loads the tab into the client page; without htmx the same address is a page of its own. A generated
 * password is shown in the response to the POST that made it, once, and never cached or carried in an address.
 */
@Controller
class PortalAccessController {

	private final PortalAccessManagement access;
	private final ClientManagement clients;
	private final FormErrors errors;

	private final FirmManagement firms;
	private final String baseUrl;

	PortalAccessController(PortalAccessManagement access, ClientManagement clients, FormErrors errors,
			FirmManagement firms, @Value("${atrium.base-url}") String baseUrl) {
		this.firms = firms;
		this.baseUrl = baseUrl;
		this.access = access;
		this.clients = clients;
		this.errors = errors;
	}

	@GetMapping("/app/clients/{clientId}/portal")
	String tab(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		response.addHeader("Vary", "HX-Request");
		var client = WebIds.client(clientId);
		var filter = status(status);
		var search = q == null ? "" : q.strip();
		if (search.length() > 200) {
			search = search.substring(0, 200);
		}
		fill(me, client, search, filter, model);
		return request.getHeader("HX-Request") != null ? "access/portal-tab :: tab" : "access/portal-page";
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/invite")
	String invite(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, @RequestParam(required = false) String role,
			@RequestParam(required = false) String note, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		return act(me, client, contact, model, response, redirect, Map.of("role", role == null ? "" : role, "note",
				clip(note, PortalAccessManagement.MAX_NOTE_LENGTH + 1000)), () -> {
					var view = access.invite(me, client, contact, WebIds.role(role), note);
					return errors.message(view.role() == PortalRole.NOTIFY_ONLY ? "portal.notice.notify-only"
							: "portal.notice.invited", view.name(), view.email());
				});
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/resend")
	String resend(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		return act(me, client, contact, model, response, redirect, Map.of(), () -> {
			var view = access.resendInvitation(me, client, contact);
			return errors.message("portal.notice.resent", view.name(), view.email());
		});
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/role")
	String changeRole(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, @RequestParam(required = false) String role, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		return act(me, client, contact, model, response, redirect, Map.of(), () -> {
			var view = access.changeRole(me, client, contact, WebIds.role(role));
			return errors.message("portal.notice.role-changed", view.name(),
					errors.message("portal.role." + view.role().name()));
		});
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/password")
	String enableWithPassword(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, @RequestParam(required = false) String role, Model model,
			HttpServletResponse response) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		try {
			var password = access.enableWithGeneratedPassword(me, client, contact, WebIds.optionalRole(role));
			return credentials(me, client, contact, password, false, model, response);
		}
		catch (InvalidRequestException e) {
			return problem(me, client, contact, e, Map.of(), model, response);
		}
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/reset-password")
	String resetPassword(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, Model model, HttpServletResponse response) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		try {
			var password = access.resetPassword(me, client, contact);
			return credentials(me, client, contact, password, true, model, response);
		}
		catch (InvalidRequestException e) {
			return problem(me, client, contact, e, Map.of(), model, response);
		}
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/revoke")
	String revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		return act(me, client, contact, model, response, redirect, Map.of(),
				() -> errors.message("portal.notice.revoked", access.revoke(me, client, contact).name()));
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/reenable")
	String reenable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		return act(me, client, contact, model, response, redirect, Map.of(),
				() -> errors.message("portal.notice.reenabled", access.reenable(me, client, contact).name()));
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/remove")
	String remove(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		return act(me, client, contact, model, response, redirect, Map.of(),
				() -> errors.message("portal.notice.removed", access.remove(me, client, contact).name()));
	}

	@PostMapping("/app/clients/{clientId}/portal/{contactId}/delete")
	String deleteContact(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@PathVariable String contactId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var contact = WebIds.contact(contactId);
		return act(me, client, contact, model, response, redirect, Map.of(), () -> {
			var name = access.access(me, client, contact).name();
			access.deleteContact(me, client, contact);
			return errors.message("portal.notice.deleted", name);
		});
	}

	/** Runs an action; back to the tab with a notice, or the tab again with the problem (and the form as filled in). */
	private String act(StaffPrincipal me, ClientId client, ContactId contact, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Map<String, String> form,
			Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
			return "redirect:/app/clients/" + client + "?tab=portal";
		}
		catch (InvalidRequestException e) {
			return problem(me, client, contact, e, form, model, response);
		}
	}

	private String problem(StaffPrincipal me, ClientId client, ContactId contact, InvalidRequestException e,
			Map<String, String> form, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		fill(me, client, "", null, model);
		model.addAttribute("errors", errors.of(e));
		model.addAttribute("problem", errors.message(e.messageKey()));
		model.addAttribute("openContact", contact);
		model.addAttribute("form", form);
		return "access/portal-page";
	}

	private String credentials(StaffPrincipal me, ClientId client, ContactId contact, String password, boolean reset,
			Model model, HttpServletResponse response) {
		// the password is in this response only: not cached, not stored, not in an address
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		fill(me, client, "", null, model);
		var view = access.access(me, client, contact);
		model.addAttribute("credentials", new Credentials(view.name(), view.email(), password, reset));
		model.addAttribute("portalUrl", baseUrl + "/p/" + firms.get(me.firm()).slug());
		return "access/portal-page";
	}

	private void fill(StaffPrincipal me, ClientId client, String search, PortalAccessStatus filter, Model model) {
		var contacts = access.contacts(me, client, search, filter);
		var settings = access.settings(me.firm());
		model.addAttribute("client", clients.get(me, client));
		model.addAttribute("contacts", contacts);
		model.addAttribute("anyContacts", !contacts.isEmpty() || !clients.contacts(me, client).isEmpty());
		model.addAttribute("q", search);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", PortalAccessStatus.values());
		model.addAttribute("roles", PortalRole.values());
		model.addAttribute("signInRoles", java.util.Arrays.stream(PortalRole.values()).filter(PortalRole::signsIn).toList());
		model.addAttribute("passwords", settings.signInMethods().allowsPassword());
		model.addAttribute("canEditContacts", ClientManagement.mayEdit(me));
		model.addAttribute("errors", Map.of());
		model.addAttribute("form", Map.of());
	}

	private static PortalAccessStatus status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return PortalAccessStatus.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String clip(String value, int max) {
		if (value == null) {
			return "";
		}
		return value.length() > max ? value.substring(0, max) : value;
	}

	/** What the credentials panel shows, once. */
	record Credentials(String name, String email, String password, boolean reset) {

		@Override
		public String toString() {
			return "Credentials[" + email + "]";
		}
	}
}

package io.atrium.client.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientManagement;
import io.atrium.client.ClientView;
import io.atrium.client.ContactView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** A client's contacts: add (on the Contacts tab), edit (a page of its own) and delete. */
@Controller
class ContactController {

	private final ClientManagement clients;
	private final ClientPageModel pages;
	private final FormErrors errors;

	ContactController(ClientManagement clients, ClientPageModel pages, FormErrors errors) {
		this.clients = clients;
		this.pages = pages;
		this.errors = errors;
	}

	@PostMapping("/app/clients/{id}/contacts")
	String add(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@Valid @ModelAttribute("contactForm") ContactForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var client = clients.get(me, ClientIds.client(id));
		requireEditor(me);
		if (!result.hasErrors()) {
			try {
				var contact = clients.addContact(me, client.id(), form.toNewContact());
				redirect.addFlashAttribute("notice", errors.message("contact.added", contact.name()));
				return "redirect:/app/clients/" + client.id() + "?tab=contacts";
			}
			catch (InvalidRequestException e) {
				return again(me, model, client, form, errors.of(e), response);
			}
		}
		return again(me, model, client, form, errors.of(result), response);
	}

	@GetMapping("/app/clients/{id}/contacts/{contactId}")
	String edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, @PathVariable String contactId,
			Model model) {
		var client = clients.get(me, ClientIds.client(id));
		var contact = clients.contact(me, client.id(), ClientIds.contact(contactId));
		return editPage(me, model, client, contact, ContactForm.of(contact), Map.of());
	}

	@PostMapping("/app/clients/{id}/contacts/{contactId}")
	String update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, @PathVariable String contactId,
			@Valid @ModelAttribute("contactForm") ContactForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var client = clients.get(me, ClientIds.client(id));
		var contact = clients.contact(me, client.id(), ClientIds.contact(contactId));
		requireEditor(me);
		if (!result.hasErrors()) {
			try {
				var updated = clients.updateContact(me, client.id(), contact.id(), form.toNewContact());
				redirect.addFlashAttribute("notice", errors.message("contact.updated", updated.name()));
				return "redirect:/app/clients/" + client.id() + "?tab=contacts";
			}
			catch (InvalidRequestException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return editPage(me, model, client, contact, form, errors.of(e));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return editPage(me, model, client, contact, form, errors.of(result));
	}

	@PostMapping("/app/clients/{id}/contacts/{contactId}/delete")
	String delete(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, @PathVariable String contactId,
			RedirectAttributes redirect) {
		var client = clients.get(me, ClientIds.client(id));
		var contact = clients.contact(me, client.id(), ClientIds.contact(contactId));
		clients.deleteContact(me, client.id(), contact.id());
		redirect.addFlashAttribute("notice", errors.message("contact.deleted", contact.name()));
		return "redirect:/app/clients/" + client.id() + "?tab=contacts";
	}

	private String again(StaffPrincipal me, Model model, ClientView client, ContactForm form,
			Map<String, String> fieldErrors, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return pages.detail(me, model, client, ClientTab.CONTACTS, ClientForm.of(client), form, fieldErrors);
	}

	private String editPage(StaffPrincipal me, Model model, ClientView client, ContactView contact, ContactForm form,
			Map<String, String> fieldErrors) {
		model.addAttribute("client", client);
		model.addAttribute("contact", contact);
		model.addAttribute("contactForm", form);
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("canEdit", ClientManagement.mayEdit(me));
		return "client/contact";
	}

	private static void requireEditor(StaffPrincipal me) {
		if (!ClientManagement.mayEdit(me)) {
			throw new AccessDeniedException("changing contacts needs Edit clients");
		}
	}
}

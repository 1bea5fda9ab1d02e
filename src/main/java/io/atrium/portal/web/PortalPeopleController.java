package io.atrium.portal.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.access.ContactAccessView;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalAccessStatus;
import io.atrium.access.PortalMembership;
import io.atrium.access.PortalRole;
import io.atrium.access.PortalSession;
import io.atrium.client.ContactId;
import io.atrium.firm.FirmView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The People page of a client's Owner: the client's contacts and their portal access; invite one, change a role,
 * remove access. The access module decides (only a role that may change settings gets here, never the last
 * Owner goes) and records each change in the audit log; this page shows the answer next to the right form.
 */
@Controller
@PortalPage
class PortalPeopleController {

	private static final int MAX_NOTE = PortalAccessManagement.MAX_NOTE_LENGTH;

	private final PortalAccessManagement access;
	private final FormErrors errors;

	PortalPeopleController(PortalAccessManagement access, FormErrors errors) {
		this.access = access;
		this.errors = errors;
	}

	@GetMapping("/p/{slug}/people")
	String people(@RequestAttribute(PortalRequest.SESSION) PortalSession session,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, Model model) {
		return page(session, membership, InviteForm.empty(), Map.of(), null, model);
	}

	@PostMapping("/p/{slug}/people/invite")
	String invite(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SESSION) PortalSession session,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @ModelAttribute InviteForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var problems = new LinkedHashMap<String, String>();
		var contact = PortalHomeController.parse(form.contact());
		if (contact.isEmpty()) {
			problems.put("contact", errors.message("clientportal.people.contact.required"));
		}
		var role = role(form.role());
		if (role.isEmpty()) {
			problems.put("role", errors.message(form.role() == null || form.role().isBlank()
					? "clientportal.people.role.required" : "clientportal.people.role.invalid"));
		}
		if (form.note() != null && form.note().strip().length() > MAX_NOTE) {
			problems.put("note", errors.message("clientportal.people.note.too-long"));
		}
		if (problems.isEmpty()) {
			try {
				var invited = access.invitePerson(session.identity(), membership.contact(), membership.client(),
						contact.get(), role.get(), form.note());
				redirect.addFlashAttribute("done", errors.message("clientportal.people.invited", invited.name()));
				return "redirect:/p/" + firm.slug() + "/people";
			}
			catch (InvalidRequestException e) {
				problems.put(e.field() == null ? FormErrors.FORM : e.field(), errors.message(e.messageKey()));
			}
			catch (NotFoundException e) {
				problems.put("contact", errors.message("clientportal.people.not-found"));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		var kept = new InviteForm(form.contact(), form.role(),
				form.note() != null && form.note().length() > MAX_NOTE * 2 ? form.note().substring(0, MAX_NOTE * 2)
						: form.note());
		return page(session, membership, kept, problems, null, model);
	}

	@PostMapping("/p/{slug}/people/{contact}/role")
	String changeRole(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SESSION) PortalSession session,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String contact,
			@RequestParam(required = false) String role, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var id = PortalHomeController.parse(contact).orElseThrow(() -> new NotFoundException("contact"));
		var newRole = role(role);
		if (newRole.isEmpty()) {
			return rowProblem(session, membership, id, "clientportal.people.role.invalid", model, response);
		}
		try {
			var changed = access.changePersonRole(session.identity(), membership.contact(), membership.client(), id,
					newRole.get());
			redirect.addFlashAttribute("done", errors.message("clientportal.people.role-changed", changed.name(),
					errors.message("clientportal.role." + newRole.get().name())));
			return "redirect:/p/" + firm.slug() + "/people";
		}
		catch (InvalidRequestException e) {
			return rowProblem(session, membership, id, e.messageKey(), model, response);
		}
	}

	@PostMapping("/p/{slug}/people/{contact}/remove")
	String remove(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SESSION) PortalSession session,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String contact,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var id = PortalHomeController.parse(contact).orElseThrow(() -> new NotFoundException("contact"));
		try {
			var removed = access.removePerson(session.identity(), membership.contact(), membership.client(), id);
			redirect.addFlashAttribute("done", errors.message("clientportal.people.removed", removed.name()));
			return "redirect:/p/" + firm.slug() + "/people";
		}
		catch (InvalidRequestException e) {
			return rowProblem(session, membership, id, e.messageKey(), model, response);
		}
	}

	private String rowProblem(PortalSession session, PortalMembership membership, ContactId contact,
			String messageKey, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(session, membership, InviteForm.empty(), Map.of(), new RowProblem(contact, errors.message(messageKey)),
				model);
	}

	/** A refused change to one person, shown on that person's row and at the top of the page. */
	record RowProblem(ContactId contact, String message) {
	}

	private String page(PortalSession session, PortalMembership membership, InviteForm form,
			Map<String, String> formErrors, RowProblem rowProblem, Model model) {
		List<ContactAccessView> people = access.people(session.identity(), membership.contact(), membership.client());
		model.addAttribute("people", people);
		model.addAttribute("invitable", people.stream()
			.filter(p -> p.hasEmail() && p.status() == PortalAccessStatus.NO_ACCESS)
			.toList());
		model.addAttribute("roles", PortalRole.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", formErrors);
		model.addAttribute("rowProblem", rowProblem);
		model.addAttribute("maxNote", MAX_NOTE);
		return "portal/people";
	}

	private static Optional<PortalRole> role(String role) {
		if (role == null) {
			return Optional.empty();
		}
		return Arrays.stream(PortalRole.values()).filter(r -> r.name().equals(role.strip())).findFirst();
	}
}

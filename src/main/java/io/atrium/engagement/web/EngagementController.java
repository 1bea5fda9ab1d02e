package io.atrium.engagement.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.EngagementView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * Engagements: the client page's Engagements tab (loaded with htmx, or a page of its own without JavaScript), and
 * an engagement's page with its details, stage and assignments.
 */
@Controller
class EngagementController {

	private final EngagementManagement engagements;
	private final FormErrors errors;

	EngagementController(EngagementManagement engagements, FormErrors errors) {
		this.engagements = engagements;
		this.errors = errors;
	}

	@GetMapping("/app/clients/{clientId}/engagements")
	String list(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return tab(me, Requests.client(clientId), model, EngagementForm.empty(), Map.of(),
				Requests.isHtmx(request, response));
	}

	@PostMapping("/app/clients/{clientId}/engagements")
	String open(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@Valid @ModelAttribute("engagementForm") EngagementForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = Requests.isHtmx(request, response);
		var client = Requests.client(clientId);
		if (!result.hasErrors() && form != null) {
			try {
				var id = engagements.open(me, client, form.draft());
				if (htmx) {
					model.addAttribute("notice", errors.message("engagement.opened", form.name().strip()));
					return tab(me, client, model, EngagementForm.empty(), Map.of(), true);
				}
				redirect.addFlashAttribute("notice", errors.message("engagement.opened", form.name().strip()));
				return "redirect:/app/engagements/" + id;
			}
			catch (InvalidRequestException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return tab(me, client, model, form, errors.of(e), htmx);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return tab(me, client, model, form, errors.of(result), htmx);
	}

	@GetMapping("/app/engagements/{id}")
	String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Model model) {
		var engagement = engagements.engagement(me, Requests.engagement(id));
		return page(model, engagement, EngagementForm.of(engagement), Map.of());
	}

	@PostMapping("/app/engagements/{id}")
	String update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@Valid @ModelAttribute("engagementForm") EngagementForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var engagementId = Requests.engagement(id);
		if (!result.hasErrors() && form != null) {
			try {
				engagements.update(me, engagementId, form.draft());
				redirect.addFlashAttribute("notice", errors.message("engagement.saved"));
				return "redirect:/app/engagements/" + engagementId;
			}
			catch (InvalidRequestException e) {
				return invalid(me, engagementId, model, form, errors.of(e), response);
			}
		}
		return invalid(me, engagementId, model, form, errors.of(result), response);
	}

	/** Moves the engagement to another stage, from its page or from the pipeline ({@code returnTo}). */
	@PostMapping("/app/engagements/{id}/stage")
	String stage(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(required = false) String stageId, @RequestParam(required = false) String returnTo,
			RedirectAttributes redirect) {
		var engagementId = Requests.engagement(id);
		var moved = engagements.moveToStage(me, engagementId, Requests.uuidOrNull(stageId));
		redirect.addFlashAttribute("notice", errors.message("engagement.moved", moved.name(), moved.stage()));
		return "redirect:" + Requests.back(returnTo, "/app/engagements/" + engagementId);
	}

	/** Overrides one role on this engagement ({@code staffId}), or goes back to the client's (empty). */
	@PostMapping("/app/engagements/{id}/assignments/{role}")
	String assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, @PathVariable String role,
			@RequestParam(required = false) String staffId, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = Requests.isHtmx(request, response);
		var engagementId = Requests.engagement(id);
		var assignmentRole = Requests.role(role);
		try {
			var saved = engagements.assignEngagement(me, engagementId, assignmentRole,
					Requests.staff(staffId, assignmentRole));
			var notice = errors.message("assignment.saved", errors.message("assignment.role." + assignmentRole.name()));
			if (htmx) {
				model.addAttribute("assignmentNotice", notice);
				page(model, saved, EngagementForm.of(saved), Map.of());
				return "engagement/engagement :: assignments";
			}
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/app/engagements/" + engagementId;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			var engagement = engagements.engagement(me, engagementId);
			page(model, engagement, EngagementForm.of(engagement), Map.of());
			model.addAttribute("assignmentErrors", Map.of(assignmentRole.name(), errors.message(e.messageKey())));
			return htmx ? "engagement/engagement :: assignments" : "engagement/engagement";
		}
	}

	private String tab(StaffPrincipal me, ClientId client, Model model, EngagementForm form,
			Map<String, String> fieldErrors, boolean fragment) {
		var list = engagements.engagements(me, client);
		if (!fieldErrors.isEmpty() && !list.canOpen()) {
			throw new AccessDeniedException("may not open engagements");
		}
		model.addAttribute("engagements", list);
		// a value that cannot be converted (a mistyped date) leaves no form object to show again
		model.addAttribute("form", form == null ? EngagementForm.empty() : form);
		model.addAttribute("errors", fieldErrors);
		return fragment ? "engagement/client-engagements :: tab" : "engagement/client-engagements";
	}

	private String invalid(StaffPrincipal me, EngagementId id, Model model, EngagementForm form,
			Map<String, String> fieldErrors, HttpServletResponse response) {
		var engagement = engagements.engagement(me, id);
		if (!engagement.editable()) {
			throw new AccessDeniedException("may not edit engagements");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, engagement, form, fieldErrors);
	}

	private static String page(Model model, EngagementView engagement, EngagementForm form,
			Map<String, String> fieldErrors) {
		model.addAttribute("engagement", engagement);
		model.addAttribute("form", form == null ? EngagementForm.of(engagement) : form);
		model.addAttribute("errors", fieldErrors);
		if (!model.containsAttribute("assignmentErrors")) {
			model.addAttribute("assignmentErrors", Map.of());
		}
		return "engagement/engagement";
	}
}

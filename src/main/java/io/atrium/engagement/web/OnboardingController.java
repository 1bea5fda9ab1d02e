package io.atrium.engagement.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientType;
import io.atrium.engagement.EngagementManagement;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Onboarding defaults: whom new clients start with, per client type and role. Each picker saves on its own (at
 * once with htmx; with a Save button without JavaScript).
 */
@Controller
class OnboardingController {

	private final EngagementManagement engagements;
	private final FormErrors errors;

	OnboardingController(EngagementManagement engagements, FormErrors errors) {
		this.engagements = engagements;
		this.errors = errors;
	}

	@GetMapping("/app/settings/onboarding")
	String show(@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return page(me, model, Map.of(), Requests.isHtmx(request, response));
	}

	@PostMapping("/app/settings/onboarding/{type}/{role}")
	String save(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String type, @PathVariable String role,
			@RequestParam(required = false) String staffId, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = Requests.isHtmx(request, response);
		var clientType = clientType(type);
		var assignmentRole = Requests.role(role);
		try {
			engagements.setOnboardingDefault(me, clientType, assignmentRole, Requests.staff(staffId, assignmentRole));
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model, Map.of(clientType.name() + "." + assignmentRole.name(), errors.message(e.messageKey())),
					htmx);
		}
		if (htmx) {
			model.addAttribute("notice", errors.message("engagement.onboarding.saved"));
			return page(me, model, Map.of(), true);
		}
		redirect.addFlashAttribute("notice", errors.message("engagement.onboarding.saved"));
		return "redirect:/app/settings/onboarding";
	}

	private String page(StaffPrincipal me, Model model, Map<String, String> cellErrors, boolean fragment) {
		model.addAttribute("onboarding", engagements.onboardingDefaults(me));
		model.addAttribute("clientTypes", ClientType.values());
		model.addAttribute("roles", AssignmentRole.values());
		model.addAttribute("errors", cellErrors);
		return fragment ? "engagement/onboarding :: section" : "engagement/onboarding";
	}

	private static ClientType clientType(String value) {
		try {
			return ClientType.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("clientType", "engagement.onboarding.type.unknown");
		}
	}
}

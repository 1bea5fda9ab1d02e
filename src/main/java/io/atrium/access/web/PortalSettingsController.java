package io.atrium.access.web;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalSettings;
import io.atrium.access.SignInMethods;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;

/** Settings → Client portal: sign-in methods, link lifetimes and the portal's idle timeout (Manage firm settings). */
@Controller
class PortalSettingsController {

	private final PortalAccessManagement access;
	private final FirmManagement firms;
	private final FormErrors errors;

	private final String baseUrl;

	PortalSettingsController(PortalAccessManagement access, FirmManagement firms, FormErrors errors,
			@Value("${atrium.base-url}") String baseUrl) {
		this.access = access;
		this.baseUrl = baseUrl;
		this.firms = firms;
		this.errors = errors;
	}

	@GetMapping("/app/settings/portal")
	String show(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		requireSettings(me);
		return page(me, model, PortalSettingsForm.of(access.settings(me.firm())), Map.of());
	}

	@PostMapping("/app/settings/portal")
	String save(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("form") PortalSettingsForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		requireSettings(me);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model, form, errors.of(result));
		}
		try {
			access.updateSettings(me, form.toSettings());
			redirect.addFlashAttribute("notice", errors.message("portal.settings.saved"));
			return "redirect:/app/settings/portal";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model, form, errors.of(e));
		}
	}

	private String page(StaffPrincipal me, Model model, PortalSettingsForm form, Map<String, String> fieldErrors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("methods", SignInMethods.values());
		model.addAttribute("limits", PortalSettings.DEFAULTS);
		model.addAttribute("portalUrl", baseUrl + "/p/" + firms.get(me.firm()).slug());
		return "access/settings";
	}

	private static void requireSettings(StaffPrincipal me) {
		if (!me.can(Permission.MANAGE_FIRM_SETTINGS)) {
			throw new AccessDeniedException("Manage firm settings");
		}
	}
}

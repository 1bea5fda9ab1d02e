package io.atrium.staff.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.firm.FirmManagement;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;

/** Settings → Firm: the firm's display name and the accent colour of its emails and portal. */
@Controller
class FirmSettingsController {

	private final FirmManagement firms;
	private final FormErrors errors;

	FirmSettingsController(FirmManagement firms, FormErrors errors) {
		this.firms = firms;
		this.errors = errors;
	}

	@GetMapping("/app/settings/firm")
	String show(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		requireSettings(me);
		var firm = firms.get(me.firm());
		return page(model, firm.name(), firm.accentColour(), firm.slug(), Map.of());
	}

	@PostMapping("/app/settings/firm")
	String save(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String accentColour, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireSettings(me);
		try {
			firms.rebrand(me.firm(), name, accentColour);
			redirect.addFlashAttribute("notice", errors.message("firm.settings.saved"));
			return "redirect:/app/settings/firm";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(model, name.length() > 200 ? name.substring(0, 200) : name, accentColour,
					firms.get(me.firm()).slug(), errors.of(e));
		}
	}

	private static String page(Model model, String name, String colour, String slug, Map<String, String> fieldErrors) {
		model.addAttribute("name", name);
		model.addAttribute("accentColour", colour);
		model.addAttribute("slug", slug);
		model.addAttribute("errors", fieldErrors);
		return "staff/firm-settings";
	}

	private static void requireSettings(StaffPrincipal me) {
		if (!me.can(Permission.MANAGE_FIRM_SETTINGS)) {
			throw new AccessDeniedException("Manage firm settings");
		}
	}
}

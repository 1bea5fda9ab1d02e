package io.atrium.staff.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The signed-in staff member's own account: change password. */
@Controller
class AccountController {

	record ChangePasswordForm(@NotBlank @Size(max = 128) String currentPassword,
			@NotBlank @Size(max = 128) String password, String confirm) {
	}

	private final StaffManagement staff;
	private final FormErrors errors;

	AccountController(StaffManagement staff, FormErrors errors) {
		this.staff = staff;
		this.errors = errors;
	}

	@GetMapping("/app")
	String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("colleagues", me.managesFirm() ? staff.list(me).size() : 0);
		return "staff/home";
	}

	@GetMapping("/app/account")
	String account(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("errors", Map.of());
		return "staff/account";
	}

	@PostMapping("/app/account/password")
	String changePassword(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute ChangePasswordForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors() && !form.password().equals(form.confirm())) {
			result.rejectValue("confirm", "password.mismatch");
		}
		try {
			if (!result.hasErrors()) {
				staff.changePassword(me, form.currentPassword(), form.password());
				redirect.addFlashAttribute("notice", errors.message("account.password.changed"));
				return "redirect:/app/account";
			}
			model.addAttribute("errors", errors.of(result));
		}
		catch (InvalidRequestException e) {
			model.addAttribute("errors", errors.of(e));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "staff/account";
	}
}

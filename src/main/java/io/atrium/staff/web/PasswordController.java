package io.atrium.staff.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffManagement.LinkState;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * Forgot password and reset by emailed link. The forgot page answers the same whether or not the address has an
 * account; the reset link opens a form and is spent only when the new password is saved.
 */
@Controller
class PasswordController {

	private final StaffManagement staff;
	private final FormErrors errors;

	PasswordController(StaffManagement staff, FormErrors errors) {
		this.staff = staff;
		this.errors = errors;
	}

	@GetMapping("/password/forgot")
	String forgot(Model model) {
		model.addAttribute("email", "");
		model.addAttribute("errors", Map.of());
		return "staff/forgot";
	}

	@PostMapping("/password/forgot")
	String requestReset(@RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
		var address = email.strip();
		if (address.isEmpty() || address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+")) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("email", address.length() > 254 ? "" : address);
			model.addAttribute("errors", Map.of("email", errors.message("Email")));
			return "staff/forgot";
		}
		staff.requestPasswordReset(address);
		model.addAttribute("email", address);
		return "staff/forgot-sent";
	}

	@GetMapping("/password/reset/{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		var state = staff.resetState(token);
		if (state != LinkState.VALID) {
			return linkProblem(state, model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("errors", Map.of());
		return "staff/reset";
	}

	@PostMapping("/password/reset/{token}")
	String reset(@PathVariable String token, @Valid @ModelAttribute PasswordForm form, BindingResult result,
			Model model, HttpServletResponse response) {
		var state = staff.resetState(token);
		if (state != LinkState.VALID) {
			return linkProblem(state, model, response);
		}
		if (!result.hasErrors() && !form.confirmed()) {
			result.rejectValue("confirm", "password.mismatch");
		}
		try {
			if (!result.hasErrors()) {
				staff.resetPassword(token, form.password());
				return "redirect:/signin?reset";
			}
			model.addAttribute("errors", errors.of(result));
		}
		catch (InvalidRequestException e) {
			model.addAttribute("errors", errors.of(e));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("token", token);
		return "staff/reset";
	}

	static String linkProblem(LinkState state, Model model, HttpServletResponse response) {
		response.setStatus(state == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
		model.addAttribute("state", state.name().toLowerCase());
		return "staff/link-problem";
	}
}

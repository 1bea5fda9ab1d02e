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

import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffManagement.LinkState;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An invited colleague opens the emailed link, confirms their name and chooses a password. */
@Controller
class InvitationController {

	record AcceptForm(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 128) String password,
			String confirm) {
	}

	private final StaffManagement staff;
	private final FormErrors errors;

	InvitationController(StaffManagement staff, FormErrors errors) {
		this.staff = staff;
		this.errors = errors;
	}

	@GetMapping("/invitation/{token}")
	String open(@PathVariable String token, Model model, HttpServletResponse response) {
		var invitee = staff.invitee(token);
		if (invitee.isEmpty()) {
			return PasswordController.linkProblem(staff.invitationState(token), model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("email", invitee.get().email());
		model.addAttribute("name", invitee.get().name());
		model.addAttribute("errors", Map.of());
		return "staff/accept-invitation";
	}

	@PostMapping("/invitation/{token}")
	String accept(@PathVariable String token, @Valid @ModelAttribute AcceptForm form, BindingResult result,
			Model model, HttpServletResponse response) {
		var invitee = staff.invitee(token);
		if (invitee.isEmpty()) {
			return PasswordController.linkProblem(staff.invitationState(token), model, response);
		}
		if (!result.hasErrors() && !form.password().equals(form.confirm())) {
			result.rejectValue("confirm", "password.mismatch");
		}
		try {
			if (!result.hasErrors()) {
				var accepted = staff.acceptInvitation(token, form.name(), form.password());
				return "redirect:/signin?joined&email=" + java.net.URLEncoder.encode(accepted.email(),
						java.nio.charset.StandardCharsets.UTF_8);
			}
			model.addAttribute("errors", errors.of(result));
		}
		catch (InvalidRequestException e) {
			model.addAttribute("errors", errors.of(e));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("token", token);
		model.addAttribute("email", invitee.get().email());
		model.addAttribute("name", form.name());
		return "staff/accept-invitation";
	}
}

package io.atrium.staff.web;

import java.util.Map;
import java.util.UUID;

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

import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Owners and Admins: the firm's staff, invitations, roles and deactivation. */
@Controller
class StaffController {

	record InviteForm(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotNull FirmRole role) {

		static InviteForm empty() {
			return new InviteForm("", "", FirmRole.MEMBER);
		}
	}

	private final StaffManagement staff;
	private final FormErrors errors;

	StaffController(StaffManagement staff, FormErrors errors) {
		this.staff = staff;
		this.errors = errors;
	}

	@GetMapping("/app/staff")
	String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		return page(me, model, InviteForm.empty(), Map.of());
	}

	@PostMapping("/app/staff/invite")
	String invite(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") InviteForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				var invited = staff.invite(me, form.email(), form.name(), form.role());
				redirect.addFlashAttribute("notice", errors.message("staff.invited", invited.email()));
				return "redirect:/app/staff";
			}
			catch (InvalidRequestException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return page(me, model, form, errors.of(e));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(me, model, form, errors.of(result));
	}

	@PostMapping("/app/staff/{id}/resend")
	String resend(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, () -> errors.message("staff.resent", staff.resendInvitation(me, new StaffId(id)).email()));
	}

	@PostMapping("/app/staff/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, () -> errors.message("staff.deactivated", staff.deactivate(me, new StaffId(id)).name()));
	}

	@PostMapping("/app/staff/{id}/reactivate")
	String reactivate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, () -> errors.message("staff.reactivated", staff.reactivate(me, new StaffId(id)).name()));
	}

	@PostMapping("/app/staff/{id}/role")
	String role(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id, @RequestParam FirmRole role,
			RedirectAttributes redirect) {
		return act(redirect, () -> errors.message("staff.role-changed", staff.changeRole(me, new StaffId(id), role).name()));
	}

	private String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("problem", errors.message(e.messageKey()));
		}
		return "redirect:/app/staff";
	}

	private String page(StaffPrincipal me, Model model, InviteForm form, Map<String, String> fieldErrors) {
		if (!me.managesFirm()) {
			throw new AccessDeniedException("Owners and Admins manage staff");
		}
		model.addAttribute("people", staff.list(me));
		model.addAttribute("roles", me.role() == FirmRole.OWNER ? FirmRole.values()
				: new FirmRole[] { FirmRole.ADMIN, FirmRole.MEMBER });
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		return "staff/list";
	}
}

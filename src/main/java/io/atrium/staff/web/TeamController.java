package io.atrium.staff.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
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
import io.atrium.staff.Permission;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Owners and Admins: teams, the permissions they grant, and who is in them. Changes apply on members' next request. */
@Controller
class TeamController {

	record TeamForm(@NotBlank @Size(max = 80) String name, List<Permission> permissions) {

		Set<Permission> granted() {
			return permissions == null || permissions.isEmpty() ? EnumSet.noneOf(Permission.class)
					: EnumSet.copyOf(permissions);
		}
	}

	private final StaffManagement staff;
	private final FormErrors errors;

	TeamController(StaffManagement staff, FormErrors errors) {
		this.staff = staff;
		this.errors = errors;
	}

	@GetMapping("/app/staff/teams")
	String teams(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		return page(me, model, Map.of(), "");
	}

	@PostMapping("/app/staff/teams")
	String create(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute TeamForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				var team = staff.createTeam(me, form.name(), form.granted());
				redirect.addFlashAttribute("notice", errors.message("team.created", team.name()));
				return "redirect:/app/staff/teams";
			}
			catch (InvalidRequestException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return page(me, model, errors.of(e), form.name());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(me, model, errors.of(result), form.name() == null ? "" : form.name());
	}

	@PostMapping("/app/staff/teams/{id}")
	String update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id,
			@RequestParam(required = false) String name, @RequestParam(required = false) List<Permission> permissions,
			RedirectAttributes redirect) {
		if (name != null && name.length() > 80) {
			redirect.addFlashAttribute("problem", errors.message("team.name.too-long"));
			return "redirect:/app/staff/teams";
		}
		var granted = permissions == null || permissions.isEmpty() ? EnumSet.noneOf(Permission.class)
				: EnumSet.copyOf(permissions);
		return act(redirect, () -> errors.message("team.saved", staff.updateTeam(me, id, name, granted).name()));
	}

	@PostMapping("/app/staff/teams/{id}/delete")
	String delete(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, () -> {
			staff.deleteTeam(me, id);
			return errors.message("team.deleted");
		});
	}

	@PostMapping("/app/staff/teams/{id}/members")
	String addMember(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id, @RequestParam UUID staffId,
			RedirectAttributes redirect) {
		return act(redirect, () -> errors.message("team.member-added", staff.addToTeam(me, id, new StaffId(staffId)).name()));
	}

	@PostMapping("/app/staff/teams/{id}/members/{staffId}/remove")
	String removeMember(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id, @PathVariable UUID staffId,
			RedirectAttributes redirect) {
		return act(redirect,
				() -> errors.message("team.member-removed", staff.removeFromTeam(me, id, new StaffId(staffId)).name()));
	}

	private String act(RedirectAttributes redirect, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("problem", errors.message(e.messageKey()));
		}
		return "redirect:/app/staff/teams";
	}

	private String page(StaffPrincipal me, Model model, Map<String, String> fieldErrors, String name) {
		model.addAttribute("teams", staff.teams(me));
		model.addAttribute("people", staff.list(me));
		model.addAttribute("permissions", Permission.values());
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("newName", name);
		return "staff/teams";
	}
}

package io.atrium.staff.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffPrincipal;

/** Gives every page the signed-in staff member and their firm, for the layout's header. */
@ControllerAdvice
class CurrentStaffAdvice {

	private final FirmManagement firms;

	CurrentStaffAdvice(FirmManagement firms) {
		this.firms = firms;
	}

	@ModelAttribute
	void currentStaff(@AuthenticationPrincipal Object principal, Model model) {
		if (principal instanceof StaffPrincipal me) {
			model.addAttribute("currentStaff", me);
			model.addAttribute("currentFirm", firms.get(me.firm()));
		}
	}
}

package io.atrium.staff.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** The staff sign-in page; Spring Security handles its POST (see SecurityConfiguration). */
@Controller
class SignInController {

	@GetMapping("/signin")
	String signIn(@AuthenticationPrincipal Object me, @RequestParam(required = false) String error,
			@RequestParam(required = false) String email, HttpSession session, Model model) {
		if (me instanceof StaffPrincipal) {
			return "redirect:/app";
		}
		var kept = session.getAttribute("atrium.signin.email");
		model.addAttribute("email", error != null && kept != null ? kept : email == null ? "" : email);
		model.addAttribute("minutes", session.getAttribute("atrium.signin.minutes"));
		model.addAttribute("error", error);
		return "staff/signin";
	}

	/** Forwarded here when an address has spent its sign-in budget. */
	@RequestMapping("/signin/throttled")
	String throttled(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("email", "");
		model.addAttribute("error", "throttled");
		return "staff/signin";
	}
}

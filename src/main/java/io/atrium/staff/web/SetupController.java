package io.atrium.staff.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.firm.FirmManagement;
import io.atrium.firm.SlugTakenException;
import io.atrium.staff.StaffManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** First-run setup (only while no firm exists) and, when the host allows it, self-sign-up of another firm. */
@Controller
class SetupController {

	private final StaffManagement staff;
	private final FirmManagement firms;
	private final FormErrors errors;
	private final boolean signUpEnabled;

	SetupController(StaffManagement staff, FirmManagement firms, FormErrors errors,
			@Value("${atrium.signup.enabled:false}") boolean signUpEnabled) {
		this.staff = staff;
		this.firms = firms;
		this.errors = errors;
		this.signUpEnabled = signUpEnabled;
	}

	@GetMapping("/")
	String root() {
		return firms.anyFirmExists() ? "redirect:/signin" : "redirect:/setup";
	}

	@GetMapping("/setup")
	String setup(Model model) {
		requireNoFirm();
		return form(model, NewFirmForm.empty(), Map.of(), "setup");
	}

	@PostMapping("/setup")
	String setUp(@Valid @ModelAttribute("form") NewFirmForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		requireNoFirm();
		return create(form, result, model, response, "setup");
	}

	@GetMapping("/signup")
	String signup(Model model) {
		requireSignUp();
		return form(model, NewFirmForm.empty(), Map.of(), "signup");
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") NewFirmForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		requireSignUp();
		return create(form, result, model, response, "signup");
	}

	private String create(NewFirmForm form, BindingResult result, Model model, HttpServletResponse response,
			String mode) {
		if (!result.hasErrors() && !FirmManagement.isValidSlug(form.slug())) {
			result.rejectValue("slug", "firm.slug.invalid");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, form, errors.of(result), mode);
		}
		try {
			var owner = "setup".equals(mode) ? staff.setUp(form.toCommand()) : staff.signUp(form.toCommand());
			return "redirect:/signin?welcome&email=" + URLEncoder.encode(owner.email(), StandardCharsets.UTF_8);
		}
		catch (SlugTakenException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, form, Map.of("slug", errors.message("firm.slug.taken")), mode);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, form, errors.of(e), mode);
		}
	}

	private String form(Model model, NewFirmForm form, Map<String, String> fieldErrors, String mode) {
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("mode", mode);
		return "staff/setup";
	}

	private void requireNoFirm() {
		if (firms.anyFirmExists()) {
			throw new NotFoundException("setup");
		}
	}

	private void requireSignUp() {
		if (!signUpEnabled) {
			throw new NotFoundException("signup");
		}
	}
}

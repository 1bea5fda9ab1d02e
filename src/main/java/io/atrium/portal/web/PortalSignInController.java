package io.atrium.portal.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalSettings;
import io.atrium.firm.FirmView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.NotFoundException;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;
import io.atrium.portal.PortalSessions;
import io.atrium.portal.PortalThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's sign-in page: a password form and/or "Email me a sign-in link" (as the firm allows), and "Forgot
 * password". Whether an address has access never shows: a known and an unknown address get the same page, status
 * and text. Every POST takes from the IP's and the address's budget first ({@link PortalThrottle}).
 */
@Controller
@PortalPage
class PortalSignInController {

	private final PortalAccessManagement access;
	private final PortalSessions sessions;
	private final PortalThrottle throttle;
	private final FormErrors errors;
	private final Duration answerFloor;

	PortalSignInController(PortalAccessManagement access, PortalSessions sessions, PortalThrottle throttle,
			FormErrors errors, @Value("${atrium.portal.answer-floor:250ms}") Duration answerFloor) {
		this.access = access;
		this.sessions = sessions;
		this.throttle = throttle;
		this.errors = errors;
		this.answerFloor = answerFloor;
	}

	@GetMapping("/p/{slug}")
	String bare(@RequestAttribute(PortalRequest.FIRM) FirmView firm) {
		return "redirect:/p/" + firm.slug() + "/";
	}

	@GetMapping("/p/{slug}/signin")
	String page(@RequestAttribute(PortalRequest.FIRM) FirmView firm, HttpServletRequest request,
			@RequestParam(required = false) String email, Model model) {
		if (request.getAttribute(PortalRequest.SESSION) != null) {
			return "redirect:/p/" + firm.slug() + "/";
		}
		model.addAttribute("notice", notice(request));
		return form(model, Emails.keep(Emails.clean(email)), null, Map.of());
	}

	@PostMapping("/p/{slug}/signin")
	String signIn(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SETTINGS) PortalSettings settings,
			@RequestParam(required = false) String email, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!settings.signInMethods().allowsPassword()) {
			throw new NotFoundException("password sign-in");
		}
		var address = Emails.clean(email);
		if (!throttle.tryAttempt(request.getRemoteAddr(), address)) {
			return throttled(response, model, address);
		}
		var problem = Emails.problem(address);
		if (problem != null || password == null || password.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			var fields = new java.util.LinkedHashMap<String, String>();
			if (problem != null) {
				fields.put("email", errors.message(problem));
			}
			if (password == null || password.isEmpty()) {
				fields.put("password", errors.message("NotBlank"));
			}
			return form(model, Emails.keep(address), null, fields);
		}
		var started = System.nanoTime();
		var session = access.signIn(firm.slug(), address, password);
		if (session.isEmpty()) {
			waitForFloor(started);
			return form(model, address, "invalid", Map.of());
		}
		sessions.signIn(session.get(), firm, null, request, response);
		return "redirect:/p/" + firm.slug() + "/";
	}

	@PostMapping("/p/{slug}/signin/link")
	String emailLink(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SETTINGS) PortalSettings settings,
			@RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!settings.signInMethods().allowsMagicLink()) {
			throw new NotFoundException("sign-in links");
		}
		var address = Emails.clean(email);
		if (!throttle.tryAttempt(request.getRemoteAddr(), address)) {
			return throttled(response, model, address);
		}
		var problem = Emails.problem(address);
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, Emails.keep(address), null, Map.of("linkEmail", errors.message(problem)));
		}
		var started = System.nanoTime();
		access.requestMagicLink(firm.slug(), address);
		waitForFloor(started);
		model.addAttribute("email", address);
		model.addAttribute("kind", "link");
		return "portal/sent";
	}

	@GetMapping("/p/{slug}/password/forgot")
	String forgot(@RequestAttribute(PortalRequest.SETTINGS) PortalSettings settings,
			@RequestParam(required = false) String email, Model model) {
		if (!settings.signInMethods().allowsPassword()) {
			throw new NotFoundException("passwords");
		}
		model.addAttribute("email", Emails.keep(Emails.clean(email)));
		model.addAttribute("errors", Map.of());
		return "portal/forgot";
	}

	@PostMapping("/p/{slug}/password/forgot")
	String requestReset(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SETTINGS) PortalSettings settings,
			@RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!settings.signInMethods().allowsPassword()) {
			throw new NotFoundException("passwords");
		}
		var address = Emails.clean(email);
		if (!throttle.tryAttempt(request.getRemoteAddr(), address)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", "60");
			model.addAttribute("problem", "throttled");
			model.addAttribute("email", Emails.keep(address));
			model.addAttribute("errors", Map.of());
			return "portal/forgot";
		}
		var problem = Emails.problem(address);
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("email", Emails.keep(address));
			model.addAttribute("errors", Map.of("email", errors.message(problem)));
			return "portal/forgot";
		}
		var started = System.nanoTime();
		access.requestPasswordReset(firm.slug(), address);
		waitForFloor(started);
		model.addAttribute("email", address);
		model.addAttribute("kind", "reset");
		return "portal/sent";
	}

	/** The page a spent CSRF token is forwarded to (see PortalSecurityConfiguration). */
	@org.springframework.web.bind.annotation.RequestMapping("/p/{slug}/stale")
	String stale(HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		return "portal/stale";
	}

	/**
	 * Answers that must not tell a known address from an unknown one take at least {@code answerFloor}: an address
	 * with access costs a few database writes (a link, an email) that an unknown one does not, and the floor hides
	 * that difference.
	 */
	private void waitForFloor(long startedNanos) {
		var remaining = answerFloor.toNanos() - (System.nanoTime() - startedNanos);
		if (remaining > 0) {
			try {
				Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private String throttled(HttpServletResponse response, Model model, String address) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", "60");
		return form(model, Emails.keep(address), "throttled", Map.of());
	}

	private static String form(Model model, String email, String problem, Map<String, String> fieldErrors) {
		model.addAttribute("email", email);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", fieldErrors);
		return "portal/signin";
	}

	private static String notice(HttpServletRequest request) {
		for (var notice : new String[] { "signedout", "expired", "limit", "ended", "password-set" }) {
			if (request.getParameter(notice) != null) {
				return notice;
			}
		}
		return null;
	}
}

package io.atrium.portal.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.atrium.access.LinkCheck;
import io.atrium.access.LinkPurpose;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalSession;
import io.atrium.access.PortalSettings;
import io.atrium.firm.FirmView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;
import io.atrium.portal.PortalSessions;
import io.atrium.portal.PortalThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * Emailed links. Opening one (GET) never spends it — mail scanners open links — it shows a page whose POST does:
 * a confirm button for a sign-in link, a set-password form for an invitation or a password reset. An expired, used
 * or replaced link gets a page that says so (410), with a way to a new sign-in link where the firm allows them.
 */
@Controller
@PortalPage
class PortalLinkController {

	private static final int MAX_TOKEN = 200;

	private final PortalAccessManagement access;
	private final PortalSessions sessions;
	private final PortalThrottle throttle;
	private final FormErrors errors;

	PortalLinkController(PortalAccessManagement access, PortalSessions sessions, PortalThrottle throttle,
			FormErrors errors) {
		this.access = access;
		this.sessions = sessions;
		this.throttle = throttle;
		this.errors = errors;
	}

	/**
	 * "Email me a new link" on the page of an expired or used link: a new link of the same kind goes to the address
	 * the old one was sent to, where that is still allowed (see {@link PortalAccessManagement#renewLink}). The
	 * answer is the same either way.
	 */
	@PostMapping("/p/{slug}/link/renew")
	String renew(@RequestAttribute(PortalRequest.FIRM) FirmView firm, @RequestParam(required = false) String token,
			@RequestParam(required = false) String purpose, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		var linkPurpose = purpose(purpose);
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN || linkPurpose == null) {
			throw new NotFoundException("link");
		}
		if (!throttle.tryAttempt(request.getRemoteAddr(), "link:" + token)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", "60");
			model.addAttribute("email", "");
			model.addAttribute("problem", "throttled");
			model.addAttribute("errors", Map.of());
			return "portal/signin";
		}
		access.renewLink(firm.slug(), token, linkPurpose);
		model.addAttribute("kind", "renewed");
		model.addAttribute("email", "");
		return "portal/sent";
	}

	@GetMapping("/p/{slug}/link/{token}")
	String confirm(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SETTINGS) PortalSettings settings, @PathVariable String token, Model model,
			HttpServletResponse response) {
		if (!settings.signInMethods().allowsMagicLink()) {
			return linksOff(model, response);
		}
		var state = check(firm, token, LinkPurpose.MAGIC_LINK);
		if (state != LinkCheck.VALID) {
			return problem(state, token, "magic", model, response);
		}
		model.addAttribute("token", token);
		return "portal/confirm";
	}

	@PostMapping("/p/{slug}/link/{token}")
	String signIn(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SETTINGS) PortalSettings settings, @PathVariable String token, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!settings.signInMethods().allowsMagicLink()) {
			return linksOff(model, response);
		}
		var session = token.length() > MAX_TOKEN ? java.util.Optional.<PortalSession>empty()
				: access.consumeMagicLink(firm.slug(), token);
		if (session.isEmpty()) {
			return problem(check(firm, token, LinkPurpose.MAGIC_LINK), token, "magic", model, response);
		}
		return enter(session.get(), firm, "", request, response);
	}

	@GetMapping("/p/{slug}/invite/{token}")
	String invitation(@RequestAttribute(PortalRequest.FIRM) FirmView firm, @PathVariable String token, Model model,
			HttpServletResponse response) {
		return passwordPage(firm, token, LinkPurpose.INVITATION, Map.of(), model, response);
	}

	@PostMapping("/p/{slug}/invite/{token}")
	String accept(@RequestAttribute(PortalRequest.FIRM) FirmView firm, @PathVariable String token,
			@Valid @ModelAttribute PasswordForm form, BindingResult result, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return setPassword(firm, token, LinkPurpose.INVITATION, form, result, model, request, response);
	}

	@GetMapping("/p/{slug}/password/reset/{token}")
	String resetForm(@RequestAttribute(PortalRequest.FIRM) FirmView firm, @PathVariable String token, Model model,
			HttpServletResponse response) {
		return passwordPage(firm, token, LinkPurpose.PASSWORD_RESET, Map.of(), model, response);
	}

	@PostMapping("/p/{slug}/password/reset/{token}")
	String reset(@RequestAttribute(PortalRequest.FIRM) FirmView firm, @PathVariable String token,
			@Valid @ModelAttribute PasswordForm form, BindingResult result, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return setPassword(firm, token, LinkPurpose.PASSWORD_RESET, form, result, model, request, response);
	}

	private String setPassword(FirmView firm, String token, LinkPurpose purpose, PasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		var state = check(firm, token, purpose);
		if (state != LinkCheck.VALID) {
			return problem(state, token, kind(purpose), model, response);
		}
		if (!result.hasErrors() && !form.confirmed()) {
			result.rejectValue("confirm", "password.mismatch");
		}
		Map<String, String> fieldErrors;
		if (result.hasErrors()) {
			fieldErrors = errors.of(result);
		}
		else {
			try {
				var session = purpose == LinkPurpose.INVITATION ? access.acceptInvitation(firm.slug(), token, form.password())
						: access.resetPassword(firm.slug(), token, form.password());
				return enter(session, firm, purpose == LinkPurpose.INVITATION ? "?welcome" : "", request, response);
			}
			catch (InvalidRequestException e) {
				var now = check(firm, token, purpose);
				if (now != LinkCheck.VALID) {
					return problem(now, token, kind(purpose), model, response);
				}
				fieldErrors = Map.of(e.field() == null ? FormErrors.FORM : e.field(), errors.message(e.messageKey()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return passwordPage(firm, token, purpose, fieldErrors, model, response);
	}

	private String passwordPage(FirmView firm, String token, LinkPurpose purpose, Map<String, String> fieldErrors,
			Model model, HttpServletResponse response) {
		if (fieldErrors.isEmpty()) {
			var state = check(firm, token, purpose);
			if (state != LinkCheck.VALID) {
				return problem(state, token, kind(purpose), model, response);
			}
		}
		var path = purpose == LinkPurpose.INVITATION ? "/invite/" : "/password/reset/";
		model.addAttribute("kind", purpose == LinkPurpose.INVITATION ? "invite" : "reset");
		model.addAttribute("action", "/p/" + firm.slug() + path + token);
		model.addAttribute("errors", fieldErrors);
		return "portal/set-password";
	}

	/** Signs the session in and goes home; an identity with nowhere to act (access ended meanwhile) signs in later. */
	private String enter(PortalSession session, FirmView firm, String landing, HttpServletRequest request,
			HttpServletResponse response) {
		if (session.memberships().isEmpty()) {
			return "redirect:/p/" + firm.slug() + "/signin?password-set";
		}
		sessions.signIn(session, firm, null, request, response);
		return "redirect:/p/" + firm.slug() + "/" + landing;
	}

	private LinkCheck check(FirmView firm, String token, LinkPurpose purpose) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
			return LinkCheck.UNKNOWN;
		}
		return access.checkLink(firm.slug(), token, purpose);
	}

	private static LinkPurpose purpose(String kind) {
		if (kind == null) {
			return null;
		}
		return switch (kind) {
			case "invitation" -> LinkPurpose.INVITATION;
			case "reset" -> LinkPurpose.PASSWORD_RESET;
			case "magic" -> LinkPurpose.MAGIC_LINK;
			default -> null;
		};
	}

	private static String kind(LinkPurpose purpose) {
		return switch (purpose) {
			case INVITATION -> "invitation";
			case PASSWORD_RESET -> "reset";
			case MAGIC_LINK -> "magic";
		};
	}

	/** The firm stopped using sign-in links after this one was sent. */
	private static String linksOff(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("state", "disabled");
		model.addAttribute("purpose", "magic");
		model.addAttribute("token", null);
		return "portal/link-problem";
	}

	private static String problem(LinkCheck state, String token, String purpose, Model model,
			HttpServletResponse response) {
		response.setStatus(state == LinkCheck.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
		model.addAttribute("state", state == LinkCheck.VALID ? "used" : state.name().toLowerCase());
		model.addAttribute("purpose", purpose);
		model.addAttribute("token", state == LinkCheck.UNKNOWN ? null : token);
		return "portal/link-problem";
	}
}

package io.atrium.engagement.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.EngagementPortal;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.WebRequests;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engagement's "Client portal" card: the Share in client portal toggle and who is told of client activity.
 * The engagement page loads it with htmx; without script it is a page of its own.
 */
@Controller
class EngagementPortalController {

	private final EngagementManagement engagements;
	private final FormErrors errors;

	EngagementPortalController(EngagementManagement engagements, FormErrors errors) {
		this.engagements = engagements;
		this.errors = errors;
	}

	@GetMapping("/app/engagements/{id}/portal")
	String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var engagementId = Requests.engagement(id);
		return card(me, engagementId, engagements.portal(me, engagementId), Requests.isHtmx(request, response), model);
	}

	@PostMapping("/app/engagements/{id}/portal")
	String share(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(required = false) String shared, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		var engagementId = Requests.engagement(id);
		var share = "true".equalsIgnoreCase(shared == null ? "" : shared.strip());
		var portal = engagements.shareInPortal(me, engagementId, share);
		var notice = errors.message(share ? "engagement.portal.now-shared" : "engagement.portal.now-unshared");
		return done(me, engagementId, portal, notice, request, response, model, redirect);
	}

	@PostMapping("/app/engagements/{id}/activity-recipients")
	String recipients(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(name = "staffId", required = false) List<String> staffIds,
			@RequestParam(required = false) String defaults, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		var engagementId = Requests.engagement(id);
		try {
			var chosen = new ArrayList<StaffId>();
			for (var value : staffIds == null ? List.<String>of() : staffIds) {
				chosen.add(new StaffId(parse(value)));
			}
			var portal = engagements.chooseActivityRecipients(me, engagementId, chosen, "true".equals(defaults));
			return done(me, engagementId, portal, errors.message("engagement.recipients.saved"), request, response,
					model, redirect);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("portalProblem", errors.message(e.messageKey()));
			return card(me, engagementId, engagements.portal(me, engagementId), Requests.isHtmx(request, response),
					model);
		}
	}

	private String done(StaffPrincipal me, EngagementId id, EngagementPortal portal, String notice,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (Requests.isHtmx(request, response)) {
			model.addAttribute("portalNotice", notice);
			return card(me, id, portal, true, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/app/engagements/" + id;
	}

	private String card(StaffPrincipal me, EngagementId id, EngagementPortal portal, boolean fragment, Model model) {
		model.addAttribute("engagement", engagements.engagement(me, id));
		model.addAttribute("portal", portal);
		return fragment ? "engagement/portal :: portal" : "engagement/portal";
	}

	private static java.util.UUID parse(String value) {
		var id = WebRequests.uuidOrNull(value == null ? null : value.strip());
		if (id == null) {
			throw new InvalidRequestException("recipients", "engagement.recipients.unknown");
		}
		return id;
	}
}

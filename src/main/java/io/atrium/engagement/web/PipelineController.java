package io.atrium.engagement.web;

import java.util.LinkedHashMap;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.PipelineFilter;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pipeline: engagements of the clients the viewer sees, by stage, filtered by assignee, role and type. Moving a
 * card posts to the engagement's stage address and comes back here; htmx swaps only the board.
 */
@Controller
class PipelineController {

	private final EngagementManagement engagements;
	private final FormErrors errors;

	PipelineController(EngagementManagement engagements, FormErrors errors) {
		this.engagements = engagements;
		this.errors = errors;
	}

	@GetMapping("/app/pipeline")
	String pipeline(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("filter") PipelineFilterForm filter,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		var htmx = Requests.isHtmx(request, response);
		var messages = new LinkedHashMap<String, String>();
		filter.errors().forEach((field, key) -> messages.put(field, errors.message(key)));
		var applied = PipelineFilter.NONE;
		if (messages.isEmpty()) {
			applied = filter.toFilter(me);
		}
		try {
			model.addAttribute("pipeline", engagements.pipeline(me, applied));
		}
		catch (InvalidRequestException e) {
			messages.put(e.field(), errors.message(e.messageKey()));
			model.addAttribute("pipeline", engagements.pipeline(me, PipelineFilter.NONE));
		}
		if (!messages.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("errors", messages);
		model.addAttribute("roles", AssignmentRole.values());
		model.addAttribute("here", filter.link());
		return htmx ? "engagement/pipeline :: board" : "engagement/pipeline";
	}
}

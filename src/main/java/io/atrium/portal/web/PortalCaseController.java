package io.atrium.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;

import io.atrium.access.PortalCapability;
import io.atrium.access.PortalMembership;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.firm.FirmView;
import io.atrium.platform.NotFoundException;
import io.atrium.platform.WebRequests;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;

/**
 * One shared engagement ("case") in the portal: its details, a switcher to the client's other shared cases, and
 * the sections other modules serve for it (requests and documents, notes), loaded by htmx from their addresses.
 * An engagement that is not shared, or not this client's, does not exist here.
 */
@Controller
@PortalPage
class PortalCaseController {

	private final EngagementManagement engagements;

	PortalCaseController(EngagementManagement engagements) {
		this.engagements = engagements;
	}

	@GetMapping("/p/{slug}/cases/{id}")
	String show(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String id,
			Model model) {
		var engagementId = new EngagementId(WebRequests.uuid(id, "case"));
		var shown = engagements.sharedCase(firm.id(), membership.client(), engagementId)
			.orElseThrow(() -> new NotFoundException("case"));
		model.addAttribute("shownCase", shown);
		model.addAttribute("cases", engagements.sharedCases(firm.id(), membership.client()));
		model.addAttribute("mayUpload", membership.can(PortalCapability.UPLOAD));
		return "portal/case";
	}
}

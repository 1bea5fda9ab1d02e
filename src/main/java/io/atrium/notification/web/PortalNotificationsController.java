package io.atrium.notification.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.access.PortalMembership;
import io.atrium.access.PortalSession;
import io.atrium.firm.FirmView;
import io.atrium.notification.ContactNotificationPreferences;
import io.atrium.notification.NotificationPreferences;
import io.atrium.platform.FormErrors;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;

/**
 * The portal's Notifications page: which emails the signed-in contact gets about the client they act for. A box
 * left unticked is a no (browsers send nothing for it).
 */
@Controller
@PortalPage
class PortalNotificationsController {

	private final NotificationPreferences preferences;
	private final FormErrors errors;

	PortalNotificationsController(NotificationPreferences preferences, FormErrors errors) {
		this.preferences = preferences;
		this.errors = errors;
	}

	@GetMapping("/p/{slug}/notifications")
	String show(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SESSION) PortalSession session,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, Model model) {
		model.addAttribute("firm", firm);
		model.addAttribute("portal", session);
		model.addAttribute("membership", membership);
		model.addAttribute("choice", preferences.of(firm.id(), membership.contact()));
		return "notification/portal-preferences";
	}

	@PostMapping("/p/{slug}/notifications")
	String save(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@RequestParam(defaultValue = "false") boolean sharedItems, @RequestParam(defaultValue = "false") boolean requests,
			@RequestParam(defaultValue = "false") boolean messages, RedirectAttributes redirect) {
		preferences.save(firm.id(), membership.contact(),
				new ContactNotificationPreferences(sharedItems, requests, messages));
		redirect.addFlashAttribute("done", errors.message("notification.preferences.saved"));
		return "redirect:/p/" + firm.slug() + "/notifications";
	}
}

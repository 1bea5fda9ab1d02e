package io.atrium.portal.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalCapability;
import io.atrium.access.PortalMembership;
import io.atrium.access.PortalSession;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.firm.FirmView;
import io.atrium.platform.NotFoundException;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;
import io.atrium.portal.PortalSessions;
import io.atrium.portal.PortalWaiting;
import io.atrium.portal.WaitingItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's home page (who you are here, what your role lets you do), the client switcher, "Switch company",
 * sign-out, and the firm's brand stylesheet.
 */
@Controller
@PortalPage
class PortalHomeController {

	private final PortalAccessManagement access;
	private final PortalSessions sessions;
	private final EngagementManagement engagements;
	private final List<PortalWaiting> waiting;

	PortalHomeController(PortalAccessManagement access, PortalSessions sessions, EngagementManagement engagements,
			List<PortalWaiting> waiting) {
		this.access = access;
		this.sessions = sessions;
		this.engagements = engagements;
		this.waiting = waiting;
	}

	/** One line of the client switcher: a membership, and whether it is the one acting now. */
	record SwitchOption(ContactId contact, String clientName, String contactName, boolean sharedEmail,
			boolean current) {
	}

	@GetMapping("/p/{slug}/")
	String home(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SESSION) PortalSession session,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, HttpServletRequest request,
			Model model) {
		model.addAttribute("capabilities", capabilities(membership));
		model.addAttribute("cases", engagements.sharedCases(firm.id(), membership.client()));
		model.addAttribute("waiting", waiting(firm, membership));
		model.addAttribute("switchOptions", switchOptions(session, membership));
		model.addAttribute("otherFirms", access.otherFirmsOf(session.email(), firm.id()));
		model.addAttribute("switched", request.getAttribute(PortalRequest.SWITCHED) != null);
		model.addAttribute("welcome", request.getParameter("welcome") != null);
		return "portal/home";
	}

	@PostMapping("/p/{slug}/switch")
	String switchClient(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.SESSION) PortalSession session,
			@RequestParam(required = false) String contact, HttpServletRequest request,
			HttpServletResponse response) {
		var membership = parse(contact).flatMap(session::membership)
			.orElseThrow(() -> new NotFoundException("membership"));
		var principal = PortalSessions.principal().orElseThrow(() -> new NotFoundException("session"));
		sessions.switchTo(principal, membership, request, response);
		return "redirect:/p/" + firm.slug() + "/";
	}

	@PostMapping("/p/{slug}/signout")
	String signOut(@RequestAttribute(PortalRequest.FIRM) FirmView firm, HttpServletRequest request) {
		PortalSessions.principal().ifPresent(me -> access.recordSignOut(me.identity(), me.firm()));
		sessions.signOut(request);
		return "redirect:/p/" + firm.slug() + "/signin?signedout";
	}

	/**
	 * The firm's accent colour as CSS variables: the CSP allows no inline style, so each portal page links this.
	 * Text on the accent turns dark when the accent is light.
	 */
	@GetMapping(value = "/p/{slug}/brand.css", produces = "text/css")
	ResponseEntity<String> brand(@RequestAttribute(PortalRequest.FIRM) FirmView firm) {
		var accent = firm.accentColour() != null && firm.accentColour().matches("#[0-9a-fA-F]{6}")
				? firm.accentColour().toLowerCase() : "#1f5fbf";
		var css = ":root { --accent: %s; --accent-dark: %s; --on-accent: %s; }\n".formatted(accent, darker(accent),
				isLight(accent) ? "#1c2430" : "#ffffff");
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/css;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePublic())
			.body(css);
	}

	/** Everything waiting for the contact, what is due soonest first, then the newest. */
	private List<WaitingItem> waiting(FirmView firm, PortalMembership membership) {
		return waiting.stream()
			.flatMap(source -> source.waitingFor(firm.id(), firm.slug(), membership).stream())
			.sorted(Comparator.comparing(WaitingItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(WaitingItem::since, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	static List<PortalCapability> capabilities(PortalMembership membership) {
		return List.of(PortalCapability.VIEW, PortalCapability.UPLOAD, PortalCapability.SIGN, PortalCapability.PAY,
				PortalCapability.CHANGE_SETTINGS, PortalCapability.RECEIVE_NOTIFICATIONS)
			.stream()
			.filter(membership::can)
			.toList();
	}

	static List<SwitchOption> switchOptions(PortalSession session, PortalMembership current) {
		return session.memberships()
			.stream()
			.map(m -> new SwitchOption(m.contact(), m.clientName(), m.contactName(),
					session.memberships(m.client()).size() > 1, m.contact().equals(current.contact())))
			.toList();
	}

	static java.util.Optional<ContactId> parse(String contact) {
		try {
			return contact == null ? java.util.Optional.empty()
					: java.util.Optional.of(new ContactId(UUID.fromString(contact.strip())));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}

	private static String darker(String hex) {
		int r = Integer.parseInt(hex.substring(1, 3), 16) * 3 / 4;
		int g = Integer.parseInt(hex.substring(3, 5), 16) * 3 / 4;
		int b = Integer.parseInt(hex.substring(5, 7), 16) * 3 / 4;
		return "#%02x%02x%02x".formatted(r, g, b);
	}

	/** WCAG relative luminance above the point where white text stops being readable. */
	private static boolean isLight(String hex) {
		double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
		double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
		double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
		return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18;
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}
}

package io.atrium.portal;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/** The portal's error page for a status and, when there is one, a message a person can act on. */
public final class PortalErrorPage {

	private PortalErrorPage() {
	}

	public static ModelAndView of(HttpServletRequest request, HttpStatus status, String messageKey) {
		var page = new ModelAndView("portal/error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("messageKey", messageKey);
		page.addObject("firm", request.getAttribute(PortalRequest.FIRM));
		page.addObject("portal", request.getAttribute(PortalRequest.SESSION));
		page.addObject("membership", request.getAttribute(PortalRequest.MEMBERSHIP));
		return page;
	}
}

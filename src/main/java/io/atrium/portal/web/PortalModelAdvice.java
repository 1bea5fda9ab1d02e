package io.atrium.portal.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.portal.PortalErrorPage;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Gives every portal page (controllers marked {@link PortalPage}) the firm, its portal settings and who is signed in (for the branded layout), and turns
 * the portal's errors into portal pages in the firm's colours rather than the firm app's.
 */
@ControllerAdvice(annotations = PortalPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalModelAdvice {

	@ModelAttribute
	void portal(HttpServletRequest request, Model model) {
		model.addAttribute("firm", request.getAttribute(PortalRequest.FIRM));
		model.addAttribute("settings", request.getAttribute(PortalRequest.SETTINGS));
		model.addAttribute("portal", request.getAttribute(PortalRequest.SESSION));
		model.addAttribute("membership", request.getAttribute(PortalRequest.MEMBERSHIP));
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(HttpServletRequest request) {
		return page(request, HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden(HttpServletRequest request) {
		return page(request, HttpStatus.FORBIDDEN, null);
	}

	@ExceptionHandler(InvalidRequestException.class)
	ModelAndView invalid(HttpServletRequest request, InvalidRequestException e) {
		return page(request, HttpStatus.BAD_REQUEST, e.messageKey());
	}

	static ModelAndView page(HttpServletRequest request, HttpStatus status, String messageKey) {
		return PortalErrorPage.of(request, status, messageKey);
	}
}

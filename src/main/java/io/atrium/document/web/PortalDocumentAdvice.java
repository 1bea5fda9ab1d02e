package io.atrium.document.web;

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
import io.atrium.portal.PortalRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's documents pages get what the branded layout needs (firm, settings, who is signed in), and their
 * errors become portal pages in the firm's colours rather than the firm app's.
 */
@ControllerAdvice(assignableTypes = PortalDocumentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalDocumentAdvice {

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

	private static ModelAndView page(HttpServletRequest request, HttpStatus status, String messageKey) {
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

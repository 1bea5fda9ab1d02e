package io.atrium.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Exceptions from page controllers become friendly pages with the right status; API controllers have their own. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorHandling {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden() {
		return page(HttpStatus.FORBIDDEN);
	}

	@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return page(HttpStatus.CONTENT_TOO_LARGE);
	}

	@ExceptionHandler(InvalidRequestException.class)
	ModelAndView invalid(InvalidRequestException e) {
		var page = page(HttpStatus.BAD_REQUEST);
		page.addObject("messageKey", e.messageKey());
		return page;
	}

	static ModelAndView page(HttpStatus status) {
		var view = switch (status.value()) {
			case 400, 403, 404, 413, 429 -> "error/" + status.value();
			default -> status.is4xxClientError() ? "error/4xx" : "error/500";
		};
		var page = new ModelAndView(view, ErrorPages.model(status));
		page.setStatus(status);
		return page;
	}
}

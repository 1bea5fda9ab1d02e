package io.atrium.platform;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The container's error page: a friendly page for people, a ProblemDetail under /api. It never shows exception
 * details; those go to the log.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		return ErrorHandling.page(status(request));
	}

	@RequestMapping("/error")
	ResponseEntity<Object> other(HttpServletRequest request) {
		var status = status(request);
		if (!isApi(request)) {
			return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(status.getReasonPhrase());
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(status));
	}

	static ProblemDetail problem(HttpStatus status) {
		var problem = ProblemDetail.forStatus(status);
		problem.setDetail(switch (status) {
			case NOT_FOUND -> "Nothing here: the address is wrong, or you may not see it.";
			case UNAUTHORIZED -> "Sign in first.";
			case FORBIDDEN -> "You are signed in, but your role does not allow this.";
			case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
			case PAYLOAD_TOO_LARGE -> "The request is too large.";
			default -> status.is5xxServerError() ? "Something went wrong on our side. Try again in a moment."
					: status.getReasonPhrase();
		});
		return problem;
	}

	private static boolean isApi(HttpServletRequest request) {
		var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		var status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	static Map<String, Object> model(HttpStatus status) {
		return Map.of("status", status.value());
	}
}

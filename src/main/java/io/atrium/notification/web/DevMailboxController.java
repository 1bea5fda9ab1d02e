package io.atrium.notification.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import io.atrium.platform.NotFoundException;
import io.atrium.notification.DevMailbox;
import io.atrium.notification.OutboxEmail;
import jakarta.servlet.http.HttpServletResponse;

/** The dev mailbox: outgoing email, readable in the browser. Every path answers 404 while it is off. */
@Controller
class DevMailboxController {

	/**
	 * The email's own HTML, which relies on inline styles that the application's policy forbids. It may load
	 * images but never run script, submit forms or be framed.
	 */
	static final String EMAIL_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "img-src data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final DevMailbox mailbox;

	DevMailboxController(DevMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/dev/mail")
	String list(Model model) {
		model.addAttribute("emails", mailbox.recent());
		return "notification/mailbox";
	}

	@GetMapping("/dev/mail/{id}")
	String show(@PathVariable String id, Model model) {
		model.addAttribute("email", find(id));
		return "notification/mailbox-email";
	}

	@GetMapping(path = "/dev/mail/{id}/html", produces = "text/html;charset=UTF-8")
	@ResponseBody
	String html(@PathVariable String id, HttpServletResponse response) {
		var email = find(id);
		// Set on the servlet response before the body is written, so that the security filter's header writer
		// (which only sets this header when absent) keeps ours.
		response.setHeader("Content-Security-Policy", EMAIL_CONTENT_SECURITY_POLICY);
		return email.htmlBody();
	}

	private OutboxEmail find(String id) {
		if (!mailbox.active()) {
			throw new NotFoundException("dev mailbox");
		}
		try {
			return mailbox.get(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("email");
		}
	}
}

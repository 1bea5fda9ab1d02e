package io.atrium.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.access.PortalCapability;
import io.atrium.access.PortalMembership;
import io.atrium.document.UploadRejectedException;
import io.atrium.firm.FirmView;
import io.atrium.messaging.ConversationId;
import io.atrium.messaging.PortalMessaging;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.portal.PortalErrorPage;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's Messages: the client's conversations, "Send a request", a thread with its reply form (files for
 * roles that may upload), and the notes the firm shared (a case page loads its notes with htmx). Everything is the
 * signed-in contact's client's; anything else is "not found", on a portal page in the firm's colours.
 */
@Controller
@PortalPage
class PortalMessagesController {

	private final PortalMessaging messaging;
	private final FormErrors errors;

	PortalMessagesController(PortalMessaging messaging, FormErrors errors) {
		this.messaging = messaging;
		this.errors = errors;
	}

	@GetMapping("/p/{slug}/messages")
	String list(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, Model model) {
		model.addAttribute("conversations", messaging.conversations(firm.id(), membership));
		return "messaging/portal-messages";
	}

	@GetMapping("/p/{slug}/messages/new")
	String newRequest(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@RequestParam(required = false) String caseId, Model model) {
		return compose(firm, membership, MessageForm.of("", caseId, ""), Map.of(), model);
	}

	@PostMapping("/p/{slug}/messages/new")
	String sendRequest(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String engagementId,
			@RequestParam(required = false) String text, @RequestParam(required = false) List<MultipartFile> files,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var form = MessageForm.of(subject, engagementId, text);
		try {
			var id = messaging.sendRequest(firm.id(), membership, WebIds.pickedEngagement(engagementId), subject,
					text, WebIds.uploads(files));
			redirect.addFlashAttribute("notice", errors.message("messaging.notice.request-sent", firm.name()));
			return "redirect:/p/" + firm.slug() + "/messages/" + id;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return compose(firm, membership, form, errors.of(e), model);
		}
		catch (UploadRejectedException e) {
			response.setStatus(e.status());
			return compose(firm, membership, form, Map.of("files", errors.message(e.messageKey(), e.arguments())),
					model);
		}
	}

	@GetMapping("/p/{slug}/messages/{id}")
	String show(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String id,
			Model model) {
		return thread(firm, membership, WebIds.conversation(id), MessageForm.empty(), Map.of(), model);
	}

	@PostMapping("/p/{slug}/messages/{id}")
	String reply(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String id,
			@RequestParam(required = false) String text, @RequestParam(required = false) List<MultipartFile> files,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var conversation = WebIds.conversation(id);
		var form = MessageForm.of(null, null, text);
		try {
			messaging.reply(firm.id(), membership, conversation, text, WebIds.uploads(files));
			redirect.addFlashAttribute("notice", errors.message("messaging.notice.sent"));
			return "redirect:/p/" + firm.slug() + "/messages/" + conversation + "#latest";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return thread(firm, membership, conversation, form, errors.of(e), model);
		}
		catch (UploadRejectedException e) {
			response.setStatus(e.status());
			return thread(firm, membership, conversation, form,
					Map.of("files", errors.message(e.messageKey(), e.arguments())), model);
		}
	}

	/** The shared notes of a shared case: a piece of the case page. */
	@GetMapping("/p/{slug}/cases/{engagementId}/notes")
	String caseNotes(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@PathVariable String engagementId, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		var fragment = WebIds.isHtmx(request, response);
		model.addAttribute("notes", messaging.caseNotes(firm.id(), membership, WebIds.engagement(engagementId)));
		model.addAttribute("caseId", engagementId);
		return fragment ? "messaging/portal-notes :: notes" : "messaging/portal-notes";
	}

	@GetMapping("/p/{slug}/notes")
	String clientNotes(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		var fragment = WebIds.isHtmx(request, response);
		model.addAttribute("notes", messaging.clientNotes(firm.id(), membership));
		return fragment ? "messaging/portal-notes :: notes" : "messaging/portal-notes";
	}

	/** The only thing a contact may be refused here is attaching files without the role for it. */
	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden(HttpServletRequest request) {
		return PortalErrorPage.of(request, HttpStatus.FORBIDDEN, "messaging.attach.not-allowed");
	}

	private String compose(FirmView firm, PortalMembership membership, MessageForm form,
			Map<String, String> fieldErrors, Model model) {
		model.addAttribute("cases", messaging.cases(firm.id(), membership));
		model.addAttribute("mayAttach", membership.can(PortalCapability.UPLOAD));
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		return "messaging/portal-new";
	}

	private String thread(FirmView firm, PortalMembership membership, ConversationId id, MessageForm form,
			Map<String, String> fieldErrors, Model model) {
		model.addAttribute("thread", messaging.open(firm.id(), membership, id));
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		return "messaging/portal-conversation";
	}
}

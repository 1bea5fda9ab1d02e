package io.atrium.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientId;
import io.atrium.document.UploadRejectedException;
import io.atrium.messaging.ConversationId;
import io.atrium.messaging.Messaging;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The firm's side of conversations: the client page's Messages tab (loaded with htmx, or a page of its own), a new
 * conversation with the client, and a thread with its reply form. Files come as multipart parts and are streamed
 * to the document module.
 */
@Controller
class ConversationController {

	private final Messaging messaging;
	private final FormErrors errors;

	ConversationController(Messaging messaging, FormErrors errors) {
		this.messaging = messaging;
		this.errors = errors;
	}

	@GetMapping("/app/clients/{clientId}/conversations")
	String list(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		var fragment = WebIds.isHtmx(request, response);
		fill(me, WebIds.client(clientId), MessageForm.empty(), Map.of(), model);
		return fragment ? "messaging/client-conversations :: tab" : "messaging/client-conversations";
	}

	@PostMapping("/app/clients/{clientId}/conversations")
	String start(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String engagementId,
			@RequestParam(required = false) String text, @RequestParam(required = false) List<MultipartFile> files,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		var form = MessageForm.of(subject, engagementId, text);
		try {
			var id = messaging.start(me, client, WebIds.pickedEngagement(engagementId), subject, text,
					WebIds.uploads(files));
			redirect.addFlashAttribute("notice", errors.message("messaging.notice.started"));
			return "redirect:/app/conversations/" + id;
		}
		catch (InvalidRequestException e) {
			return problem(me, client, form, errors.of(e), HttpStatus.UNPROCESSABLE_CONTENT.value(), model, response);
		}
		catch (UploadRejectedException e) {
			return problem(me, client, form, Map.of("files", errors.message(e.messageKey(), e.arguments())),
					e.status(), model, response);
		}
	}

	@GetMapping("/app/conversations/{id}")
	String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Model model) {
		return thread(me, WebIds.conversation(id), MessageForm.empty(), Map.of(), model);
	}

	@PostMapping("/app/conversations/{id}/messages")
	String reply(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(required = false) String text, @RequestParam(required = false) List<MultipartFile> files,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var conversation = WebIds.conversation(id);
		var form = MessageForm.of(null, null, text);
		try {
			messaging.reply(me, conversation, text, WebIds.uploads(files));
			redirect.addFlashAttribute("notice", errors.message("messaging.notice.sent"));
			return "redirect:/app/conversations/" + conversation + "#latest";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return thread(me, conversation, form, errors.of(e), model);
		}
		catch (UploadRejectedException e) {
			response.setStatus(e.status());
			return thread(me, conversation, form, Map.of("files", errors.message(e.messageKey(), e.arguments())),
					model);
		}
	}

	private String thread(StaffPrincipal me, ConversationId id, MessageForm form, Map<String, String> fieldErrors,
			Model model) {
		model.addAttribute("thread", messaging.open(me, id));
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		return "messaging/conversation";
	}

	private String problem(StaffPrincipal me, ClientId client, MessageForm form, Map<String, String> fieldErrors,
			int status, Model model, HttpServletResponse response) {
		fill(me, client, form, fieldErrors, model);
		response.setStatus(status);
		return "messaging/client-conversations";
	}

	private void fill(StaffPrincipal me, ClientId client, MessageForm form, Map<String, String> fieldErrors,
			Model model) {
		model.addAttribute("conversations", messaging.conversations(me, client));
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
	}
}

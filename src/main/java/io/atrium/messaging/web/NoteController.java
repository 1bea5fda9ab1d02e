package io.atrium.messaging.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;
import io.atrium.messaging.ClientNotes;
import io.atrium.messaging.Messaging;
import io.atrium.messaging.NoteView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff notes: the client page's Notes tab (all notes of the client and its engagements) and the engagement page's
 * Notes section, each with its add form; sharing, unsharing and deleting a note. htmx swaps the tab or section;
 * without it each address is a page of its own and forms come back to it.
 */
@Controller
class NoteController {

	private final Messaging messaging;
	private final FormErrors errors;

	NoteController(Messaging messaging, FormErrors errors) {
		this.messaging = messaging;
		this.errors = errors;
	}

	@GetMapping("/app/clients/{clientId}/notes")
	String clientNotes(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		var htmx = WebIds.isHtmx(request, response);
		return page(messaging.clientNotes(me, WebIds.client(clientId)), NoteForm.empty(), Map.of(), null, htmx, model);
	}

	@GetMapping("/app/engagements/{id}/notes")
	String engagementNotes(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		var htmx = WebIds.isHtmx(request, response);
		return page(messaging.engagementNotes(me, WebIds.engagement(id)), NoteForm.empty(), Map.of(), null, htmx,
				model);
	}

	@PostMapping("/app/clients/{clientId}/notes")
	String addToClient(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@RequestParam(required = false) String text, @RequestParam(required = false) String engagementId,
			@RequestParam(required = false) String shared, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = WebIds.isHtmx(request, response);
		var client = WebIds.client(clientId);
		var form = NoteForm.of(text, engagementId, shared);
		try {
			messaging.addNote(me, client, WebIds.pickedEngagement(engagementId), text, form.shared());
			return done(messaging.clientNotes(me, client), "messaging.notice.note-added", htmx, model, redirect);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(messaging.clientNotes(me, client), form, errors.of(e), null, htmx, model);
		}
	}

	@PostMapping("/app/engagements/{id}/notes")
	String addToEngagement(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(required = false) String text, @RequestParam(required = false) String shared, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = WebIds.isHtmx(request, response);
		var engagement = WebIds.engagement(id);
		var notes = messaging.engagementNotes(me, engagement);
		var form = NoteForm.of(text, engagement.toString(), shared);
		try {
			messaging.addNote(me, notes.client(), engagement, text, form.shared());
			return done(messaging.engagementNotes(me, engagement), "messaging.notice.note-added", htmx, model,
					redirect);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(notes, form, errors.of(e), null, htmx, model);
		}
	}

	/** Shares the note with the portal ({@code shared=true}) or takes it out; {@code from} says which list to show. */
	@PostMapping("/app/notes/{id}/share")
	String share(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(required = false) String shared, @RequestParam(required = false) String from, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = WebIds.isHtmx(request, response);
		var note = messaging.shareNote(me, WebIds.note(id), "true".equals(shared));
		return done(list(me, note, from), note.sharedInPortal() ? "messaging.notice.note-shared"
				: "messaging.notice.note-unshared", htmx, model, redirect);
	}

	@PostMapping("/app/notes/{id}/delete")
	String delete(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(required = false) String from, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = WebIds.isHtmx(request, response);
		var note = messaging.deleteNote(me, WebIds.note(id));
		return done(list(me, note, from), "messaging.notice.note-deleted", htmx, model, redirect);
	}

	private ClientNotes list(StaffPrincipal me, NoteView note, String from) {
		return "engagement".equals(from) && note.engagement() != null ? messaging.engagementNotes(me, note.engagement())
				: messaging.clientNotes(me, note.client());
	}

	private String done(ClientNotes notes, String notice, boolean htmx, Model model, RedirectAttributes redirect) {
		if (htmx) {
			return page(notes, NoteForm.empty(), Map.of(), errors.message(notice), true, model);
		}
		redirect.addFlashAttribute("notice", errors.message(notice));
		return "redirect:" + address(notes);
	}

	private static String address(ClientNotes notes) {
		EngagementId engagement = notes.engagement();
		ClientId client = notes.client();
		return engagement != null ? "/app/engagements/" + engagement + "/notes" : "/app/clients/" + client + "/notes";
	}

	private static String page(ClientNotes notes, NoteForm form, Map<String, String> fieldErrors, String notice,
			boolean fragment, Model model) {
		model.addAttribute("notes", notes);
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		if (notice != null) {
			model.addAttribute("notice", notice);
		}
		model.addAttribute("address", address(notes));
		return fragment ? "messaging/notes :: notes" : "messaging/notes";
	}
}

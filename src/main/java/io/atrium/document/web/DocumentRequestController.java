package io.atrium.document.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientManagement;
import io.atrium.document.DocumentManagement;
import io.atrium.document.DocumentRequestView;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Document requests on the firm's side: the client page's Requests tab, an engagement's requests section with the
 * "Request a document" form, accepting and reopening answers, and what is outstanding across the viewer's clients.
 */
@Controller
class DocumentRequestController {

	/** The outstanding list's length; enough for a firm's desk, bounded for the page. */
	static final int OUTSTANDING_LIMIT = 500;

	private final DocumentManagement documents;
	private final EngagementManagement engagements;
	private final ClientManagement clients;
	private final FormErrors errors;

	DocumentRequestController(DocumentManagement documents, EngagementManagement engagements,
			ClientManagement clients, FormErrors errors) {
		this.documents = documents;
		this.engagements = engagements;
		this.clients = clients;
		this.errors = errors;
	}

	/** Requests of one engagement, under its name. */
	record EngagementGroup(EngagementId engagement, String name, List<DocumentRequestView> requests) {
	}

	/** Outstanding requests due on one day ({@code due} null: no due date). */
	record DueGroup(LocalDate due, boolean overdue, List<DocumentRequestView> requests) {
	}

	@GetMapping("/app/clients/{clientId}/requests")
	String clientRequests(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		var client = WebIds.client(clientId);
		model.addAttribute("client", clients.get(me, client));
		model.addAttribute("groups", byEngagement(documents.requests(me, client, null)));
		return Transfers.isHtmx(request, response) ? "document/client-requests :: section"
				: "document/client-requests";
	}

	@GetMapping("/app/engagements/{engagementId}/requests")
	String engagementRequests(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String engagementId,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		fillEngagement(me, WebIds.engagement(engagementId), Map.of(), model);
		return Transfers.isHtmx(request, response) ? "document/engagement-requests :: section"
				: "document/engagement-requests";
	}

	@PostMapping("/app/engagements/{engagementId}/requests")
	String request(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String engagementId,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String dueDate, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var engagement = WebIds.engagement(engagementId);
		var form = Map.of("title", Transfers.clip(title, 300), "description", Transfers.clip(description, 5000),
				"dueDate", Transfers.clip(dueDate, 20));
		try {
			var made = documents.request(me, engagement, form.get("title"), form.get("description"), date(dueDate));
			var notice = errors.message("document.request.notice.requested", made.title());
			if (Transfers.isHtmx(request, response)) {
				model.addAttribute("notice", notice);
				fillEngagement(me, engagement, Map.of(), model);
				return "document/engagement-requests :: section";
			}
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/app/engagements/" + engagement;
		}
		catch (InvalidRequestException e) {
			response.setStatus(422);
			fillEngagement(me, engagement, form, model);
			model.addAttribute("errors", errors.of(e));
			return Transfers.isHtmx(request, response) ? "document/engagement-requests :: section"
					: "document/engagement-requests";
		}
	}

	@PostMapping("/app/requests/{requestId}/accept")
	String accept(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String requestId,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		var view = documents.accept(me, WebIds.request(requestId));
		redirect.addFlashAttribute("notice", errors.message("document.request.notice.accepted", view.title()));
		return back(view, back);
	}

	@PostMapping("/app/requests/{requestId}/reopen")
	String reopen(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String requestId,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		var view = documents.reopen(me, WebIds.request(requestId));
		redirect.addFlashAttribute("notice", errors.message("document.request.notice.reopened", view.title()));
		return back(view, back);
	}

	@GetMapping("/app/requests")
	String outstanding(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		var requests = documents.outstanding(me, OUTSTANDING_LIMIT);
		var today = LocalDate.now(java.time.ZoneOffset.UTC);
		var groups = new LinkedHashMap<LocalDate, List<DocumentRequestView>>();
		var undated = new ArrayList<DocumentRequestView>();
		requests.stream()
			.sorted(java.util.Comparator.comparing(DocumentRequestView::dueDate,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.forEach(r -> {
				if (r.dueDate() == null) {
					undated.add(r);
				}
				else {
					groups.computeIfAbsent(r.dueDate(), d -> new ArrayList<>()).add(r);
				}
			});
		var result = new ArrayList<DueGroup>();
		groups.forEach((due, list) -> result.add(new DueGroup(due, due.isBefore(today), list)));
		if (!undated.isEmpty()) {
			result.add(new DueGroup(null, false, undated));
		}
		model.addAttribute("groups", result);
		model.addAttribute("count", requests.size());
		model.addAttribute("limited", requests.size() >= OUTSTANDING_LIMIT);
		return "document/outstanding";
	}

	/** Back to where the button was: the engagement's page, or the client's Requests tab. */
	private static String back(DocumentRequestView view, String back) {
		if ("engagement".equals(back) && view.engagement() != null) {
			return "redirect:/app/engagements/" + view.engagement();
		}
		return "redirect:/app/clients/" + view.client() + "?tab=requests";
	}

	private void fillEngagement(StaffPrincipal me, EngagementId id, Map<String, String> form, Model model) {
		var engagement = engagements.engagement(me, id);
		model.addAttribute("engagement", engagement);
		model.addAttribute("shared", engagements.ref(me.firm(), id).map(r -> r.sharedInPortal()).orElse(false));
		model.addAttribute("requests", documents.requests(me, engagement.client(), id));
		model.addAttribute("form", form);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	static List<EngagementGroup> byEngagement(List<DocumentRequestView> requests) {
		var groups = new LinkedHashMap<EngagementId, EngagementGroup>();
		for (var r : requests) {
			groups.computeIfAbsent(r.engagement(), e -> new EngagementGroup(e, r.engagementName(), new ArrayList<>()))
				.requests()
				.add(r);
		}
		return List.copyOf(groups.values());
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidRequestException("dueDate", "document.request.due-date.invalid");
		}
	}
}

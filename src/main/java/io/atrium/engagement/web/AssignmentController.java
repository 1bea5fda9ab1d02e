package io.atrium.engagement.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import io.atrium.client.ClientQuery;
import io.atrium.engagement.BulkAssignment;
import io.atrium.engagement.EngagementManagement;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A client's assignments: the Assignments section of the client page's Info tab (loaded with htmx, or as a page of
 * its own without JavaScript), and bulk or smart assign from the client list.
 */
@Controller
class AssignmentController {

	private final EngagementManagement engagements;
	private final FormErrors errors;

	AssignmentController(EngagementManagement engagements, FormErrors errors) {
		this.engagements = engagements;
		this.errors = errors;
	}

	@GetMapping("/app/clients/{clientId}/assignments")
	String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("assignments", engagements.clientAssignments(me, Requests.client(clientId)));
		model.addAttribute("errors", Map.of());
		return Requests.isHtmx(request, response) ? "engagement/assignments :: section" : "engagement/assignments";
	}

	/** Saves one role's picker (empty {@code staffId}: unassign); htmx gets the section back, a form a redirect. */
	@PostMapping("/app/clients/{clientId}/assignments/{role}")
	String assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, @PathVariable String role,
			@RequestParam(required = false) String staffId, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var htmx = Requests.isHtmx(request, response);
		var client = Requests.client(clientId);
		var assignmentRole = Requests.role(role);
		try {
			var saved = engagements.assignClient(me, client, assignmentRole, Requests.staff(staffId, assignmentRole));
			var notice = errors.message("assignment.saved", errors.message("assignment.role." + assignmentRole.name()));
			if (htmx) {
				model.addAttribute("assignments", saved);
				model.addAttribute("errors", Map.of());
				model.addAttribute("notice", notice);
				return "engagement/assignments :: section";
			}
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/app/clients/" + client + "/assignments";
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("assignments", engagements.clientAssignments(me, client));
			model.addAttribute("errors", Map.of(assignmentRole.name(), errors.message(e.messageKey())));
			return htmx ? "engagement/assignments :: section" : "engagement/assignments";
		}
	}

	/**
	 * Bulk assign from the client list: {@code role}, {@code staffId}, {@code onlyEmpty} (smart assign), and either
	 * the ticked {@code clientIds} or {@code allMatching=true} with the list's filters, named as the list names them
	 * ({@link ClientQuery#fromParameters}). Back to the list with its filters and a count.
	 */
	@PostMapping("/app/clients/bulk-assign")
	String bulkAssign(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String role,
			@RequestParam(required = false) String staffId, @RequestParam(required = false) Boolean onlyEmpty,
			@RequestParam(required = false) List<String> clientIds, @RequestParam(required = false) Boolean allMatching,
			HttpServletRequest request, RedirectAttributes redirect) {
		ClientQuery query = null;
		try {
			query = listQuery(request);
			if (role == null || role.isBlank()) {
				throw new InvalidRequestException("role", "assignment.role.required");
			}
			var assignmentRole = Requests.role(role);
			var staff = Requests.staff(staffId, assignmentRole);
			var bulk = new BulkAssignment(assignmentRole, staff, Boolean.TRUE.equals(onlyEmpty));
			var result = Boolean.TRUE.equals(allMatching) ? engagements.bulkAssignMatching(me, bulk, query)
					: engagements.bulkAssign(me, bulk, picked(clientIds));
			redirect.addFlashAttribute("notice", errors.message("assignment.bulk.done", result.changed(),
					result.skipped()));
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("problem", errors.message(e.messageKey()));
		}
		return "redirect:" + listAddress(query, request.getParameter("page"));
	}

	/** The client list's filters, read as the list reads them. */
	private static ClientQuery listQuery(HttpServletRequest request) {
		return ClientQuery.fromParameters(request::getParameter, ClientQuery.DEFAULT_SIZE);
	}

	private static List<ClientId> picked(List<String> clientIds) {
		var picked = new ArrayList<ClientId>();
		if (clientIds != null) {
			for (var value : clientIds) {
				var id = Requests.uuidOrNull(value == null ? null : value.strip());
				if (id != null) {
					picked.add(new ClientId(id));
				}
			}
		}
		return picked;
	}

	/** The list as it was: its filters, order and page. */
	private static String listAddress(ClientQuery query, String page) {
		var parameters = new LinkedHashMap<String, String>();
		if (query != null) {
			parameters.putAll(query.parameters(true));
		}
		if (page != null && page.matches("[0-9]{1,7}") && !page.equals("1")) {
			parameters.put("page", page);
		}
		if (parameters.isEmpty()) {
			return "/app/clients";
		}
		return "/app/clients?" + parameters.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}

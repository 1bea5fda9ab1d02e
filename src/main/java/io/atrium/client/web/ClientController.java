package io.atrium.client.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientManagement;
import io.atrium.client.ClientQuery;
import io.atrium.client.ClientStatus;
import io.atrium.client.ClientType;
import io.atrium.client.ClientView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** The client list with its filters and bulk bar, the new-client form, and a client's page with its tabs. */
@Controller
class ClientController {

	static final int PAGE_SIZE = 25;

	private final ClientManagement clients;
	private final StaffManagement staff;
	private final FormErrors errors;
	private final ClientPageModel pages;

	ClientController(ClientManagement clients, StaffManagement staff, FormErrors errors, ClientPageModel pages) {
		this.clients = clients;
		this.staff = staff;
		this.errors = errors;
		this.pages = pages;
	}

	@GetMapping("/app/clients")
	String list(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
		var query = ClientQuery.fromParameters(request::getParameter, PAGE_SIZE);
		var page = clients.search(me, query);
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("order", query.parameters(true));
		var colleagues = staff.listActive(me.firm());
		model.addAttribute("assigneeOptions", StaffOptions.of(colleagues, query.assignment().assignee()));
		model.addAttribute("staffOptions", StaffOptions.of(colleagues, null));
		model.addAttribute("types", ClientType.values());
		model.addAttribute("statuses", ClientStatus.values());
		model.addAttribute("roles", AssignmentRole.values());
		model.addAttribute("canEdit", ClientManagement.mayEdit(me));
		model.addAttribute("canAssign", mayAssign(me));
		model.addAttribute("emptyState", page.isEmpty() ? emptyState(me) : null);
		model.addAttribute("sortByName", link("/app/clients", query.sortedBy(ClientQuery.Sort.NAME,
				query.sort() == ClientQuery.Sort.NAME && !query.descending()), 0));
		model.addAttribute("sortByCreated", link("/app/clients", query.sortedBy(ClientQuery.Sort.CREATED,
				query.sort() == ClientQuery.Sort.CREATED && !query.descending()), 0));
		model.addAttribute("previousUrl", link("/app/clients", query, page.page() - 1));
		model.addAttribute("nextUrl", link("/app/clients", query, page.page() + 1));
		model.addAttribute("exportUrl", link("/app/clients/export.csv", query, 0));
		return "client/list";
	}

	@GetMapping("/app/clients/new")
	String newClient(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		requireEditor(me);
		return newForm(model, ClientForm.empty(), Map.of());
	}

	@PostMapping("/app/clients")
	String create(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") ClientForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		requireEditor(me);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return newForm(model, form, errors.of(result));
		}
		try {
			var client = clients.create(me, form.toNewClient());
			redirect.addFlashAttribute("notice", errors.message("client.created", client.name()));
			// someone who sees only assigned clients may create one that nobody assigned to them yet
			if (clients.visible(me, List.of(client.id())).isEmpty()) {
				redirect.addFlashAttribute("notice", errors.message("client.created.not-visible", client.name()));
				return "redirect:/app/clients";
			}
			return "redirect:/app/clients/" + client.id();
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return newForm(model, form, errors.of(e));
		}
	}

	@GetMapping("/app/clients/{id}")
	String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@RequestParam(required = false) String tab, Model model) {
		var client = clients.get(me, ClientIds.client(id));
		return page(me, model, client, ClientTab.of(tab), ClientForm.of(client), ContactForm.empty(), Map.of());
	}

	@PostMapping("/app/clients/{id}")
	String update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
			@Valid @ModelAttribute("form") ClientForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var client = clients.get(me, ClientIds.client(id));
		requireEditor(me);
		if (!result.hasErrors()) {
			try {
				var updated = clients.update(me, client.id(), form.toNewClient());
				redirect.addFlashAttribute("notice", errors.message("client.updated", updated.name()));
				return "redirect:/app/clients/" + client.id();
			}
			catch (InvalidRequestException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return page(me, model, client, ClientTab.INFO, form, ContactForm.empty(), errors.of(e));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(me, model, client, ClientTab.INFO, form, ContactForm.empty(), errors.of(result));
	}

	@PostMapping("/app/clients/{id}/archive")
	String archive(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
		var client = clients.archive(me, ClientIds.client(id));
		redirect.addFlashAttribute("notice", errors.message("client.archived", client.name()));
		return "redirect:/app/clients/" + client.id();
	}

	@PostMapping("/app/clients/{id}/restore")
	String restore(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
		var client = clients.restore(me, ClientIds.client(id));
		redirect.addFlashAttribute("notice", errors.message("client.restored", client.name()));
		return "redirect:/app/clients/" + client.id();
	}

	private String page(StaffPrincipal me, Model model, ClientView client, ClientTab tab, ClientForm form,
			ContactForm contactForm, Map<String, String> fieldErrors) {
		return pages.detail(me, model, client, tab, form, contactForm, fieldErrors);
	}

	private String newForm(Model model, ClientForm form, Map<String, String> fieldErrors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("types", ClientType.values());
		return "client/new";
	}

	/**
	 * Which empty list this is: no client the viewer may see at all (for someone who sees everything, the firm has
	 * none yet; for others, none is assigned to them), or none matching the filters.
	 */
	private String emptyState(StaffPrincipal me) {
		if (clients.count(me, ClientQuery.everything()) > 0) {
			return "filtered";
		}
		if (me.seesAllClients()) {
			return "none";
		}
		return me.can(Permission.VIEW_CLIENTS) ? "unassigned" : "no-permission";
	}

	/** Who may use the bulk bar: the engagement module decides per client what each of them may change. */
	static boolean mayAssign(StaffPrincipal me) {
		return me.managesFirm() || me.can(Permission.EDIT_CLIENTS) || me.can(Permission.ACCESS_ALL_CLIENTS)
				|| me.inBuiltInTeam();
	}

	/** {@code path} with the query's filters and order and a page (from 0) as parameters. */
	static String link(String path, ClientQuery query, int page) {
		var parameters = new StringJoiner("&");
		query.parameters(true).forEach((name, value) -> parameters.add(name + "=" + URLEncoder.encode(value,
				StandardCharsets.UTF_8)));
		if (page > 0) {
			parameters.add("page=" + (page + 1));
		}
		return parameters.length() == 0 ? path : path + "?" + parameters;
	}

	private static void requireEditor(StaffPrincipal me) {
		if (!ClientManagement.mayEdit(me)) {
			throw new AccessDeniedException("changing clients needs Edit clients");
		}
	}
}

package io.atrium.engagement.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The settings index, and the firm's pipeline stages and engagement types: add, rename, reorder, delete. For
 * Owners, Admins and Manage firm settings.
 */
@Controller
class SettingsController {

	private static final String LISTS = "{list:pipeline|engagement-types}";

	private final EngagementManagement engagements;
	private final FormErrors errors;

	SettingsController(EngagementManagement engagements, FormErrors errors) {
		this.engagements = engagements;
		this.errors = errors;
	}

	@GetMapping("/app/settings")
	String index(@AuthenticationPrincipal StaffPrincipal me) {
		if (!engagements.managesSettings(me)) {
			throw new AccessDeniedException("settings");
		}
		return "engagement/settings";
	}

	@GetMapping("/app/settings/" + LISTS)
	String list(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String list, Model model) {
		return page(me, list, model, "", Map.of(), null);
	}

	@PostMapping("/app/settings/" + LISTS)
	String add(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String list,
			@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			var entry = engagements.addToList(me, kind(list), name);
			redirect.addFlashAttribute("notice", errors.message("engagement.list.added", entry.name()));
			return "redirect:/app/settings/" + list;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, list, model, clip(name), errors.of(e), null);
		}
	}

	@PostMapping("/app/settings/" + LISTS + "/{id}/rename")
	String rename(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String list, @PathVariable String id,
			@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var entryId = Requests.entry(id);
		try {
			var entry = engagements.renameInList(me, kind(list), entryId, name);
			redirect.addFlashAttribute("notice", errors.message("engagement.list.renamed", entry.name()));
			return "redirect:/app/settings/" + list;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("renaming", entryId);
			model.addAttribute("renamingName", clip(name));
			return page(me, list, model, "", Map.of("rename", errors.of(e).values().iterator().next()), null);
		}
	}

	@PostMapping("/app/settings/" + LISTS + "/{id}/{direction:up|down}")
	String move(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String list, @PathVariable String id,
			@PathVariable String direction) {
		engagements.moveInList(me, kind(list), Requests.entry(id), direction.equals("up"));
		return "redirect:/app/settings/" + list;
	}

	@PostMapping("/app/settings/" + LISTS + "/{id}/delete")
	String delete(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String list, @PathVariable String id,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			engagements.removeFromList(me, kind(list), Requests.entry(id));
			redirect.addFlashAttribute("notice", errors.message("engagement.list.deleted"));
			return "redirect:/app/settings/" + list;
		}
		catch (InvalidRequestException e) {
			// the page again, saying why: the stage still holds engagements, or it is the last one
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, list, model, "", Map.of(), errors.message(e.messageKey()));
		}
	}

	private String page(StaffPrincipal me, String list, Model model, String name, Map<String, String> fieldErrors,
			String problem) {
		var kind = kind(list);
		model.addAttribute("entries", engagements.list(me, kind));
		model.addAttribute("list", list);
		model.addAttribute("prefix", kind == SettingsList.PIPELINE_STAGES ? "engagement.stages" : "engagement.types");
		model.addAttribute("name", name);
		model.addAttribute("errors", fieldErrors);
		if (problem != null) {
			model.addAttribute("problem", problem);
		}
		return "engagement/settings-list";
	}

	private static SettingsList kind(String list) {
		return switch (list) {
			case "pipeline" -> SettingsList.PIPELINE_STAGES;
			case "engagement-types" -> SettingsList.ENGAGEMENT_TYPES;
			default -> throw new NotFoundException("settings list");
		};
	}

	private static String clip(String value) {
		return value.length() > 200 ? value.substring(0, 200) : value;
	}
}

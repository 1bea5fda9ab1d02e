package io.atrium.engagement.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.atrium.engagement.PipelineFilter;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;

/**
 * The pipeline's filters as the address carries them: {@code assignee} (a staff id, or {@code me}), {@code role}
 * and {@code type} (an engagement type's id). Empty means any.
 */
record PipelineFilterForm(String assignee, String role, String type) {

	/** What is wrong, as field name to message key; empty when the filters can be applied. */
	Map<String, String> errors() {
		var errors = new LinkedHashMap<String, String>();
		if (!blank(assignee) && !"me".equals(assignee.strip()) && Requests.uuidOrNull(assignee.strip()) == null) {
			errors.put("assignee", "pipeline.filter.assignee.unknown");
		}
		try {
			Requests.optionalRole(role);
		}
		catch (InvalidRequestException e) {
			errors.put("role", "pipeline.filter.role.unknown");
		}
		if (!blank(type) && Requests.uuidOrNull(type.strip()) == null) {
			errors.put("type", "pipeline.filter.type.unknown");
		}
		return errors;
	}

	PipelineFilter toFilter(StaffPrincipal me) {
		StaffId who = null;
		if (!blank(assignee)) {
			who = "me".equals(assignee.strip()) ? me.id() : new StaffId(Requests.uuidOrNull(assignee.strip()));
		}
		return new PipelineFilter(who, Requests.optionalRole(role), blank(type) ? null : Requests.uuidOrNull(type.strip()));
	}

	/** This filter's address, for coming back after moving a card. */
	String link() {
		var parameters = new LinkedHashMap<String, String>();
		if (!blank(assignee)) {
			parameters.put("assignee", assignee.strip());
		}
		if (!blank(role)) {
			parameters.put("role", role.strip());
		}
		if (!blank(type)) {
			parameters.put("type", type.strip());
		}
		if (parameters.isEmpty()) {
			return "/app/pipeline";
		}
		return "/app/pipeline?" + parameters.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** The assignee filter as the select shows it: a staff id, or empty. */
	public String assigneeValue(StaffPrincipal me) {
		return blank(assignee) ? "" : "me".equals(assignee.strip()) ? me.id().toString() : assignee.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}

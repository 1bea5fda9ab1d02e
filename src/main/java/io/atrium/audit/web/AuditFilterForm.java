package io.atrium.audit.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.atrium.audit.AuditQuery;

/**
 * The audit page's filters as typed: strings, so that a bad date or page number is told to the person instead of
 * failing the binding. The dates are {@code yyyy-MM-dd}, as date inputs send them.
 */
record AuditFilterForm(String actor, String action, String from, String to, String page) {

	private static final int MAX_ACTOR_LENGTH = 254;

	AuditFilterForm {
		actor = blankToNull(actor);
		action = blankToNull(action);
		from = blankToNull(from);
		to = blankToNull(to);
		page = blankToNull(page);
	}

	/** What is wrong, as field name to message key; empty when the filters can be applied. */
	Map<String, String> errors(java.util.Collection<String> knownActions) {
		var errors = new LinkedHashMap<String, String>();
		if (actor != null && actor.length() > MAX_ACTOR_LENGTH) {
			errors.put("actor", "audit.filter.actor.invalid");
		}
		if (action != null && !knownActions.contains(action)) {
			errors.put("action", "audit.filter.action.unknown");
		}
		var fromDate = date(from);
		var toDate = date(to);
		if (from != null && fromDate == null) {
			errors.put("from", "audit.filter.from.invalid");
		}
		if (to != null && toDate == null) {
			errors.put("to", "audit.filter.to.invalid");
		}
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			errors.put("to", "audit.filter.range.invalid");
		}
		return errors;
	}

	/** The query; only meaningful when {@link #errors()} is empty. */
	AuditQuery toQuery() {
		return new AuditQuery(actor, action, date(from), date(to));
	}

	boolean isFiltered() {
		return actor != null || action != null || from != null || to != null;
	}

	/** The page asked for, counting from 0; anything unreadable is the first page. */
	int pageNumber() {
		if (page == null || page.length() > 6) {
			return 0;
		}
		try {
			return Math.max(Integer.parseInt(page) - 1, 0);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	/** {@code path} with these filters and the given page (from 0) as query parameters. */
	String link(String path, int pageNumber) {
		var query = new StringJoiner("&");
		add(query, "actor", actor);
		add(query, "action", action);
		add(query, "from", from);
		add(query, "to", to);
		if (pageNumber > 0) {
			add(query, "page", Integer.toString(pageNumber + 1));
		}
		return query.length() == 0 ? path : path + "?" + query;
	}

	/** The filters in words, for the export's own audit entry. */
	String describe() {
		if (!isFiltered()) {
			return "all entries";
		}
		var parts = new StringJoiner(", ");
		if (actor != null) {
			parts.add("actor " + actor);
		}
		if (action != null) {
			parts.add("action " + action);
		}
		if (from != null) {
			parts.add("from " + from);
		}
		if (to != null) {
			parts.add("to " + to);
		}
		return parts.toString();
	}

	/** Years outside 1970–9999 are typing mistakes, and would not fit the database's timestamps anyway. */
	private static LocalDate date(String value) {
		if (value == null) {
			return null;
		}
		try {
			var date = LocalDate.parse(value);
			return date.getYear() >= 1970 && date.getYear() <= 9999 ? date : null;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static void add(StringJoiner query, String name, String value) {
		if (value != null) {
			query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}

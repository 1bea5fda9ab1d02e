package io.atrium.audit.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.LinkedHashMap;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import io.atrium.audit.AuditActions;
import io.atrium.audit.AuditEntry;
import io.atrium.audit.AuditEntryView;
import io.atrium.audit.AuditLog;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.FormErrors;
import io.atrium.staff.StaffPrincipal;

import jakarta.servlet.http.HttpServletResponse;

/** The firm's audit log page and its CSV export, for Owners and Admins. */
@Controller
@RequestMapping("/app/audit")
class AuditController {

	static final int PAGE_SIZE = 50;

	private static final String VIEW = "audit/log";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final AuditLog auditLog;
	private final FirmManagement firms;
	private final MessageSource messages;
	private final FormErrors formErrors;
	private final Clock clock;

	AuditController(AuditLog auditLog, FirmManagement firms, MessageSource messages, FormErrors formErrors,
			Clock clock) {
		this.auditLog = auditLog;
		this.firms = firms;
		this.messages = messages;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping
	String log(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("filter") AuditFilterForm filter,
			Model model, HttpServletResponse response) {
		requireManager(me);
		if (!showFilters(me, filter, model)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW;
		}
		var page = auditLog.search(me.firm(), filter.toQuery(), filter.pageNumber(), PAGE_SIZE);
		model.addAttribute("page", page);
		model.addAttribute("rows", page.entries().stream().map(AuditRow::of).toList());
		model.addAttribute("filtered", filter.isFiltered());
		model.addAttribute("exportUrl", filter.link("/app/audit/export.csv", 0));
		model.addAttribute("previousUrl", filter.link("/app/audit", page.page() - 1));
		model.addAttribute("nextUrl", filter.link("/app/audit", page.page() + 1));
		return VIEW;
	}

	/** Bad filters show the page with what is wrong, as on the page itself; otherwise the file is the response. */
	@GetMapping("/export.csv")
	String export(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("filter") AuditFilterForm filter,
			Model model, Locale locale, HttpServletResponse response) throws IOException {
		requireManager(me);
		if (!showFilters(me, filter, model)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW;
		}
		// recorded before the rows are sent, so that an export cut short is on record too
		auditLog.record(new AuditEntry(me.firm(), me.id().value(), me.email(), AuditActions.AUDIT_EXPORTED, null,
				"CSV export of " + filter.describe()));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName(me)).build().toString());
		var csv = new AuditCsv(response.getWriter(), messages, locale);
		auditLog.export(me.firm(), filter.toQuery(), csv::write);
		csv.flush();
		return null;
	}

	/** Fills in the filter form; false when the filters are wrong, with the reasons in the model. */
	private boolean showFilters(StaffPrincipal me, AuditFilterForm filter, Model model) {
		var errors = new LinkedHashMap<String, String>();
		var actions = auditLog.knownActions(me.firm());
		filter.errors(actions).forEach((field, key) -> errors.put(field, formErrors.message(key)));
		model.addAttribute("errors", errors);
		model.addAttribute("actors", auditLog.actors(me.firm()));
		model.addAttribute("actions", actions);
		return errors.isEmpty();
	}

	private String fileName(StaffPrincipal me) {
		var slug = firms.get(me.firm()).slug();
		return "audit-" + (slug == null || slug.isBlank() ? "firm" : slug) + "-" + LocalDate.now(clock) + ".csv";
	}

	private static void requireManager(StaffPrincipal me) {
		if (me == null || !me.managesFirm()) {
			throw new AccessDeniedException("the audit log is for Owners and Admins");
		}
	}

	/** An entry with its time as the page shows it (UTC) and as a machine reads it. */
	record AuditRow(AuditEntryView entry, String time, String isoTime) {

		static AuditRow of(AuditEntryView entry) {
			return new AuditRow(entry, SHOWN.format(entry.time()), entry.time().toString());
		}
	}
}

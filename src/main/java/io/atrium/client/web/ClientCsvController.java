package io.atrium.client.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientManagement;
import io.atrium.client.ClientQuery;
import io.atrium.client.ImportRejected;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.FormErrors;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * CSV export of the client list as filtered, and CSV import in two steps: upload shows a preview, and only its
 * confirmation writes. Between the two the uploaded file itself waits in the session (one per session, under a
 * random key that the confirmation must name); the confirmation reads it again, so that what is written is checked
 * against the firm as it is then.
 */
@Controller
class ClientCsvController {

	static final String PENDING = "atrium.client-import";

	/** The upload limit; the servlet's own multipart limit is higher, so that a larger file gets this page. */
	static final long MAX_BYTES = 5L * 1024 * 1024;

	/** An uploaded file waiting for confirmation. */
	record PendingImport(String key, String fileName, byte[] content) implements Serializable {
	}

	private final ClientManagement clients;
	private final FirmManagement firms;
	private final FormErrors errors;
	private final Clock clock;

	ClientCsvController(ClientManagement clients, FirmManagement firms, FormErrors errors, Clock clock) {
		this.clients = clients;
		this.firms = firms;
		this.errors = errors;
		this.clock = clock;
	}

	@GetMapping("/app/clients/export.csv")
	void export(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		var query = ClientQuery.fromParameters(request::getParameter, ClientQuery.MAX_SIZE);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName(me)).build().toString());
		var csv = new ClientCsvWriter(response.getWriter());
		clients.export(me, query, csv::write);
		csv.flush();
	}

	@GetMapping("/app/clients/import")
	String upload(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		requireEditor(me);
		return "client/import";
	}

	@PostMapping("/app/clients/import")
	String preview(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) MultipartFile file,
			Model model, HttpSession session, HttpServletResponse response) throws IOException {
		requireEditor(me);
		if (file == null || file.isEmpty()) {
			return rejected(model, response, HttpStatus.UNPROCESSABLE_CONTENT, errors.message("client.import.no-file"));
		}
		if (file.getSize() > MAX_BYTES) {
			return rejected(model, response, HttpStatus.CONTENT_TOO_LARGE,
					errors.message("client.import.too-large", MAX_BYTES / (1024 * 1024)));
		}
		var content = file.getBytes();
		try {
			var preview = clients.previewImport(me, content);
			var pending = new PendingImport(UUID.randomUUID().toString(), fileName(file), content);
			session.setAttribute(PENDING, pending);
			model.addAttribute("preview", preview);
			model.addAttribute("key", pending.key());
			model.addAttribute("fileName", pending.fileName());
			return "client/import-preview";
		}
		catch (ImportRejected e) {
			return rejected(model, response, HttpStatus.UNPROCESSABLE_CONTENT, errors.message(e.messageKey(), e.args()));
		}
	}

	@PostMapping("/app/clients/import/confirm")
	String confirm(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String key, Model model,
			HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
		requireEditor(me);
		if (!(session.getAttribute(PENDING) instanceof PendingImport pending) || !pending.key().equals(key)) {
			return rejected(model, response, HttpStatus.CONFLICT, errors.message("client.import.expired"));
		}
		try {
			var result = clients.importClients(me, pending.content());
			session.removeAttribute(PENDING);
			redirect.addFlashAttribute("notice", errors.message("client.import.done", result.created(),
					result.contacts(), result.skipped()));
			return "redirect:/app/clients";
		}
		catch (ImportRejected e) {
			session.removeAttribute(PENDING);
			return rejected(model, response, HttpStatus.UNPROCESSABLE_CONTENT, errors.message(e.messageKey(), e.args()));
		}
	}

	private static String rejected(Model model, HttpServletResponse response, HttpStatus status, String message) {
		response.setStatus(status.value());
		model.addAttribute("problem", message);
		return "client/import";
	}

	private static String fileName(MultipartFile file) {
		var name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "clients.csv";
		}
		name = name.replaceAll("[\\p{Cntrl}]", "").strip();
		return name.length() > 100 ? name.substring(0, 100) : name;
	}

	private String fileName(StaffPrincipal me) {
		var slug = firms.get(me.firm()).slug();
		return "clients-" + (slug == null || slug.isBlank() ? "firm" : slug) + "-" + LocalDate.now(clock) + ".csv";
	}

	private static void requireEditor(StaffPrincipal me) {
		if (!ClientManagement.mayEdit(me)) {
			throw new AccessDeniedException("importing clients needs Edit clients");
		}
	}
}

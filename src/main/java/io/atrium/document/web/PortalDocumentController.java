package io.atrium.document.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.access.PortalCapability;
import io.atrium.access.PortalMembership;
import io.atrium.document.DocumentRequestId;
import io.atrium.document.DocumentRequestView;
import io.atrium.document.DocumentView;
import io.atrium.document.PortalDocuments;
import io.atrium.document.UploadRejectedException;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SharedCase;
import io.atrium.firm.FirmView;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.portal.PortalPage;
import io.atrium.portal.PortalRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Documents and document requests in the client portal: the Documents page (shared documents by case, open
 * requests), the pieces the case page loads (its documents, its requests), uploads, deleting one's own recent
 * upload, downloads, and one request's page with its answers. Only what is shared is there; Viewers read only.
 */
@Controller
@PortalPage
class PortalDocumentController {

	private final PortalDocuments documents;
	private final EngagementManagement engagements;
	private final FormErrors errors;
	private final DataSize maxUpload;

	PortalDocumentController(PortalDocuments documents, EngagementManagement engagements, FormErrors errors,
			@Value("${atrium.documents.max-upload-size:1GB}") DataSize maxUpload) {
		this.documents = documents;
		this.engagements = engagements;
		this.errors = errors;
		this.maxUpload = maxUpload;
	}

	/** The documents of one case (or of the client itself: {@code shared} null). */
	record CaseDocuments(SharedCase shared, List<DocumentView> documents) {
	}

	@GetMapping("/p/{slug}/documents")
	String documents(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, Model model) {
		fillDocuments(firm, membership, model);
		return "document/portal-documents";
	}

	@GetMapping("/p/{slug}/cases/{engagementId}/documents")
	String caseDocuments(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@PathVariable String engagementId, Model model) {
		var shared = sharedCase(firm, membership, WebIds.engagement(engagementId));
		model.addAttribute("shared", shared);
		model.addAttribute("documents", documents.documents(firm.id(), membership, shared.id()));
		uploadLimit(membership, model);
		return "document/portal-case :: documents";
	}

	@GetMapping("/p/{slug}/cases/{engagementId}/requests")
	String caseRequests(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@PathVariable String engagementId, Model model) {
		var shared = sharedCase(firm, membership, WebIds.engagement(engagementId));
		model.addAttribute("shared", shared);
		model.addAttribute("requests", documents.requests(firm.id(), membership, shared.id()));
		uploadLimit(membership, model);
		return "document/portal-case :: requests";
	}

	@PostMapping(path = "/p/{slug}/cases/{engagementId}/documents",
			consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ResponseEntity<Object> upload(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@PathVariable String engagementId, HttpServletRequest request) {
		var engagement = WebIds.engagement(engagementId);
		return Transfers.answer(errors, maxUpload, () -> {
			requireUpload(membership);
			return documents.upload(firm.id(), membership, engagement, Transfers.raw(request));
		}, DocumentController::stored);
	}

	@PostMapping(path = "/p/{slug}/cases/{engagementId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String uploadForm(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@PathVariable String engagementId,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireUpload(membership);
		var engagement = WebIds.engagement(engagementId);
		try {
			var count = DocumentController.uploadAll(files,
					f -> documents.upload(firm.id(), membership, engagement, Transfers.part(f)));
			redirect.addFlashAttribute("notice", errors.message("document.notice.uploaded", count));
			return "redirect:/p/" + firm.slug() + "/documents";
		}
		catch (UploadRejectedException | InvalidRequestException e) {
			fillDocuments(firm, membership, model);
			problem(e, model, response);
			return "document/portal-documents";
		}
	}

	@PostMapping("/p/{slug}/documents/{documentId}/delete")
	String delete(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@PathVariable String documentId, RedirectAttributes redirect) {
		var view = documents.deleteOwn(firm.id(), membership, WebIds.document(documentId));
		redirect.addFlashAttribute("notice", errors.message("document.notice.deleted-own", view.name()));
		return "redirect:/p/" + firm.slug() + "/documents";
	}

	@GetMapping("/p/{slug}/documents/{documentId}/download")
	ResponseEntity<Resource> download(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership,
			@PathVariable String documentId, HttpServletRequest request) {
		return Transfers.send(documents.download(firm.id(), membership, WebIds.document(documentId), false,
				Transfers.requester(request)), false);
	}

	// ---------------------------------------------------------------- requests

	@GetMapping("/p/{slug}/requests/{requestId}")
	String request(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String requestId,
			Model model) {
		fillRequest(firm, membership, WebIds.request(requestId), model);
		return "document/portal-request";
	}

	@PostMapping(path = "/p/{slug}/requests/{requestId}/upload", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ResponseEntity<Object> answerWithUpload(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String requestId,
			HttpServletRequest request) {
		var id = WebIds.request(requestId);
		return Transfers.answer(errors, maxUpload, () -> {
			requireUpload(membership);
			return documents.answerWithUpload(firm.id(), membership, id, Transfers.raw(request));
		}, PortalDocumentController::newest);
	}

	@PostMapping(path = "/p/{slug}/requests/{requestId}/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String answerWithUploadForm(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String requestId,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireUpload(membership);
		var id = WebIds.request(requestId);
		try {
			var count = DocumentController.uploadAll(files,
					f -> documents.answerWithUpload(firm.id(), membership, id, Transfers.part(f)));
			redirect.addFlashAttribute("notice", errors.message("document.notice.uploaded", count));
			return "redirect:/p/" + firm.slug() + "/requests/" + id;
		}
		catch (UploadRejectedException | InvalidRequestException e) {
			fillRequest(firm, membership, id, model);
			problem(e, model, response);
			return "document/portal-request";
		}
	}

	@PostMapping("/p/{slug}/requests/{requestId}/not-applicable")
	String notApplicable(@RequestAttribute(PortalRequest.FIRM) FirmView firm,
			@RequestAttribute(PortalRequest.MEMBERSHIP) PortalMembership membership, @PathVariable String requestId,
			@RequestParam(required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireUpload(membership);
		var id = WebIds.request(requestId);
		var text = Transfers.clip(reason, 3000);
		try {
			var view = documents.answerNotApplicable(firm.id(), membership, id, text);
			redirect.addFlashAttribute("notice", errors.message("document.request.notice.not-applicable",
					view.title()));
			return "redirect:/p/" + firm.slug() + "/requests/" + id;
		}
		catch (InvalidRequestException e) {
			fillRequest(firm, membership, id, model);
			response.setStatus(422);
			model.addAttribute("errors", errors.of(e));
			model.addAttribute("reason", text);
			return "document/portal-request";
		}
	}

	// ---------------------------------------------------------------- helpers

	/** Viewers read only: the forms are not shown to them, and a request made anyway is refused. */
	private static void requireUpload(PortalMembership membership) {
		if (!membership.can(PortalCapability.UPLOAD)) {
			throw new AccessDeniedException("may not upload");
		}
	}

	private SharedCase sharedCase(FirmView firm, PortalMembership membership, EngagementId id) {
		return engagements.sharedCase(firm.id(), membership.client(), id)
			.orElseThrow(() -> new NotFoundException("case"));
	}

	private void fillDocuments(FirmView firm, PortalMembership membership, Model model) {
		var all = documents.documents(firm.id(), membership, null);
		var byCase = new LinkedHashMap<EngagementId, List<DocumentView>>();
		var clientLevel = new ArrayList<DocumentView>();
		for (var d : all) {
			if (d.engagement() == null) {
				clientLevel.add(d);
			}
			else {
				byCase.computeIfAbsent(d.engagement(), e -> new ArrayList<>()).add(d);
			}
		}
		var cases = new ArrayList<CaseDocuments>();
		for (var shared : engagements.sharedCases(firm.id(), membership.client())) {
			cases.add(new CaseDocuments(shared, byCase.getOrDefault(shared.id(), List.of())));
		}
		model.addAttribute("cases", cases);
		model.addAttribute("clientDocuments", clientLevel);
		model.addAttribute("openRequests", documents.openRequests(firm.id(), membership));
		uploadLimit(membership, model);
	}

	private void fillRequest(FirmView firm, PortalMembership membership, DocumentRequestId id, Model model) {
		var request = documents.requests(firm.id(), membership, null)
			.stream()
			.filter(r -> r.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("request"));
		model.addAttribute("request", request);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		uploadLimit(membership, model);
	}

	private void uploadLimit(PortalMembership membership, Model model) {
		model.addAttribute("canUpload", membership.can(PortalCapability.UPLOAD));
		model.addAttribute("maxBytes", maxUpload.toBytes());
		model.addAttribute("maxSize", Sizes.human(maxUpload.toBytes()));
	}

	private void problem(RuntimeException e, Model model, HttpServletResponse response) {
		if (e instanceof UploadRejectedException rejected) {
			response.setStatus(rejected.status());
			model.addAttribute("problem", Transfers.message(errors, rejected, maxUpload));
		}
		else {
			response.setStatus(422);
			model.addAttribute("problem", errors.message(((InvalidRequestException) e).messageKey()));
		}
	}

	/** The file an answer just added: the request's newest. */
	private static Transfers.Stored newest(DocumentRequestView view) {
		return view.files()
			.stream()
			.max(Comparator.comparing(DocumentView::uploadedAt))
			.map(DocumentController::stored)
			.orElse(new Transfers.Stored(view.id().toString(), view.title(), 0));
	}
}

package io.atrium.document.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.document.DocumentId;
import io.atrium.document.DocumentManagement;
import io.atrium.document.DocumentView;
import io.atrium.document.DocumentVisibility;
import io.atrium.document.UploadRejectedException;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Documents on the firm's side: the client page's Documents tab and an engagement's documents section (htmx loads
 * them; without it each is a page), the trash, one document's page with its versions, history and actions, and
 * downloads. An upload address takes the page uploader's raw file (JSON answer) or a plain multipart form.
 */
@Controller
class DocumentController {

	private final DocumentManagement documents;
	private final EngagementManagement engagements;
	private final ClientManagement clients;
	private final FormErrors errors;
	private final DataSize maxUpload;

	DocumentController(DocumentManagement documents, EngagementManagement engagements, ClientManagement clients,
			FormErrors errors, @Value("${atrium.documents.max-upload-size:1GB}") DataSize maxUpload) {
		this.documents = documents;
		this.engagements = engagements;
		this.clients = clients;
		this.errors = errors;
		this.maxUpload = maxUpload;
	}

	// ---------------------------------------------------------------- a client's documents

	@GetMapping("/app/clients/{clientId}/documents")
	String clientDocuments(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		fillClient(me, WebIds.client(clientId), model);
		return Transfers.isHtmx(request, response) ? "document/client-documents :: section"
				: "document/client-documents";
	}

	@PostMapping(path = "/app/clients/{clientId}/documents", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ResponseEntity<Object> uploadToClient(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@RequestParam(required = false) String visibility, @RequestParam(required = false) String engagement,
			HttpServletRequest request) {
		var client = WebIds.client(clientId);
		return Transfers.answer(errors, maxUpload, () -> documents.upload(me, client,
				WebIds.optionalEngagement(engagement), WebIds.visibility(visibility), Transfers.raw(request)),
				DocumentController::stored);
	}

	@PostMapping(path = "/app/clients/{clientId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String uploadFormToClient(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId,
			@RequestParam(required = false) String visibility, @RequestParam(required = false) String engagement,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var client = WebIds.client(clientId);
		try {
			var target = WebIds.optionalEngagement(engagement);
			var chosen = WebIds.visibility(visibility);
			var count = uploadAll(files, f -> documents.upload(me, client, target, chosen, Transfers.part(f)));
			redirect.addFlashAttribute("notice", errors.message("document.notice.uploaded", count));
			return "redirect:/app/clients/" + client + "?tab=documents";
		}
		catch (UploadRejectedException | InvalidRequestException e) {
			fillClient(me, client, model);
			problem(e, model, response);
			return "document/client-documents";
		}
	}

	@GetMapping("/app/clients/{clientId}/documents/trash")
	String trash(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String clientId, Model model) {
		var client = WebIds.client(clientId);
		model.addAttribute("client", clients.get(me, client));
		model.addAttribute("documents", documents.trash(me, client));
		return "document/trash";
	}

	// ---------------------------------------------------------------- an engagement's documents

	@GetMapping("/app/engagements/{engagementId}/documents")
	String engagementDocuments(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String engagementId,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		fillEngagement(me, WebIds.engagement(engagementId), model);
		return Transfers.isHtmx(request, response) ? "document/engagement-documents :: section"
				: "document/engagement-documents";
	}

	@PostMapping(path = "/app/engagements/{engagementId}/documents",
			consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ResponseEntity<Object> uploadToEngagement(@AuthenticationPrincipal StaffPrincipal me,
			@PathVariable String engagementId, @RequestParam(required = false) String visibility,
			HttpServletRequest request) {
		var engagement = WebIds.engagement(engagementId);
		return Transfers.answer(errors, maxUpload, () -> {
			var client = engagements.engagement(me, engagement).client();
			return documents.upload(me, client, engagement, WebIds.visibility(visibility), Transfers.raw(request));
		}, DocumentController::stored);
	}

	@PostMapping(path = "/app/engagements/{engagementId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String uploadFormToEngagement(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String engagementId,
			@RequestParam(required = false) String visibility,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var engagement = WebIds.engagement(engagementId);
		var client = engagements.engagement(me, engagement).client();
		try {
			var chosen = WebIds.visibility(visibility);
			var count = uploadAll(files, f -> documents.upload(me, client, engagement, chosen, Transfers.part(f)));
			redirect.addFlashAttribute("notice", errors.message("document.notice.uploaded", count));
			return "redirect:/app/engagements/" + engagement;
		}
		catch (UploadRejectedException | InvalidRequestException e) {
			fillEngagement(me, engagement, model);
			problem(e, model, response);
			return "document/engagement-documents";
		}
	}

	// ---------------------------------------------------------------- one document

	@GetMapping("/app/documents/{documentId}")
	String document(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId, Model model) {
		fillDocument(me, WebIds.document(documentId), model);
		return "document/document";
	}

	@PostMapping(path = "/app/documents/{documentId}/versions", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ResponseEntity<Object> replace(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			HttpServletRequest request) {
		var document = WebIds.document(documentId);
		return Transfers.answer(errors, maxUpload, () -> documents.replace(me, document, Transfers.raw(request)),
				DocumentController::stored);
	}

	@PostMapping(path = "/app/documents/{documentId}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String replaceForm(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var document = WebIds.document(documentId);
		return act(me, document, model, response, redirect, () -> {
			var chosen = Transfers.files(files);
			if (chosen.size() > 1) {
				throw new InvalidRequestException("file", "document.version.one-file");
			}
			var view = documents.replace(me, document, Transfers.part(chosen.get(0)));
			return errors.message("document.notice.replaced", view.name(), view.version());
		});
	}

	@PostMapping("/app/documents/{documentId}/rename")
	String rename(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			@RequestParam(required = false) String name, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var document = WebIds.document(documentId);
		return act(me, document, model, response, redirect, () -> errors.message("document.notice.renamed",
				documents.rename(me, document, Transfers.clip(name, 1000)).name()));
	}

	@PostMapping("/app/documents/{documentId}/move")
	String move(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			@RequestParam(required = false) String engagement, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var document = WebIds.document(documentId);
		return act(me, document, model, response, redirect, () -> {
			var view = documents.move(me, document, WebIds.optionalEngagement(engagement));
			return view.engagement() == null ? errors.message("document.notice.moved-to-client", view.name())
					: errors.message("document.notice.moved", view.name(), view.engagementName());
		});
	}

	@PostMapping("/app/documents/{documentId}/visibility")
	String visibility(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			@RequestParam(required = false) String visibility, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var document = WebIds.document(documentId);
		return act(me, document, model, response, redirect, () -> {
			var view = documents.changeVisibility(me, document, WebIds.visibility(visibility));
			return errors.message(view.visibility() == DocumentVisibility.CLIENT ? "document.notice.shared"
					: "document.notice.firm-only", view.name());
		});
	}

	@PostMapping("/app/documents/{documentId}/delete")
	String delete(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			RedirectAttributes redirect) {
		var view = documents.delete(me, WebIds.document(documentId));
		redirect.addFlashAttribute("notice", errors.message("document.notice.deleted", view.name()));
		return "redirect:/app/clients/" + view.client() + "?tab=documents";
	}

	@PostMapping("/app/documents/{documentId}/restore")
	String restore(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			RedirectAttributes redirect) {
		var view = documents.restore(me, WebIds.document(documentId));
		redirect.addFlashAttribute("notice", errors.message("document.notice.restored", view.name()));
		return "redirect:/app/clients/" + view.client() + "/documents/trash";
	}

	@GetMapping("/app/documents/{documentId}/download")
	ResponseEntity<Resource> download(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			@RequestParam(required = false) Integer version, HttpServletRequest request) {
		return Transfers.send(documents.download(me, WebIds.document(documentId), version, false,
				Transfers.requester(request)), false);
	}

	/** In the browser for PDFs and images; anything else is still an attachment. */
	@GetMapping("/app/documents/{documentId}/view")
	ResponseEntity<Resource> view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String documentId,
			@RequestParam(required = false) Integer version, HttpServletRequest request) {
		return Transfers.send(documents.download(me, WebIds.document(documentId), version, true,
				Transfers.requester(request)), true);
	}

	// ---------------------------------------------------------------- helpers

	/** Stores every file of the form, one after the other; the first refusal stops the rest. */
	static int uploadAll(List<MultipartFile> files, Function<MultipartFile, ?> upload) {
		var chosen = Transfers.files(files);
		chosen.forEach(upload::apply);
		return chosen.size();
	}

	static Transfers.Stored stored(DocumentView view) {
		return new Transfers.Stored(view.id().toString(), view.name(), view.size());
	}

	private String act(StaffPrincipal me, DocumentId document, Model model, HttpServletResponse response,
			RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
			return "redirect:/app/documents/" + document;
		}
		catch (UploadRejectedException | InvalidRequestException e) {
			fillDocument(me, document, model);
			problem(e, model, response);
			return "document/document";
		}
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

	private void fillClient(StaffPrincipal me, ClientId client, Model model) {
		model.addAttribute("client", clients.get(me, client));
		model.addAttribute("documents", documents.documents(me, client, null));
		model.addAttribute("engagements", engagements.engagements(me, client).engagements());
		uploadLimit(model);
	}

	private void fillEngagement(StaffPrincipal me, EngagementId id, Model model) {
		var engagement = engagements.engagement(me, id);
		model.addAttribute("engagement", engagement);
		model.addAttribute("documents", documents.documents(me, engagement.client(), id));
		uploadLimit(model);
	}

	private void fillDocument(StaffPrincipal me, DocumentId id, Model model) {
		var history = documents.history(me, id);
		var client = history.document().client();
		model.addAttribute("history", history);
		model.addAttribute("document", history.document());
		model.addAttribute("client", clients.get(me, client));
		model.addAttribute("engagements", engagements.engagements(me, client).engagements());
		uploadLimit(model);
	}

	private void uploadLimit(Model model) {
		model.addAttribute("maxBytes", maxUpload.toBytes());
		model.addAttribute("maxSize", Sizes.human(maxUpload.toBytes()));
	}
}

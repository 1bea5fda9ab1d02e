package io.atrium.document.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import io.atrium.document.DocumentDownload;
import io.atrium.document.Requester;
import io.atrium.document.Upload;
import io.atrium.document.UploadRejectedException;
import io.atrium.platform.FormErrors;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Bytes in and out over HTTP, the same for staff and portal. In: the page's uploader sends one raw file per request
 * (name in {@code X-File-Name}) and reads a small JSON answer; without JavaScript a multipart form carries the
 * files. Both are streamed to the store, never held whole. Out: the stored bytes as a resource, so Spring MVC
 * answers range requests itself.
 */
final class Transfers {

	static final String FILE_NAME_HEADER = "X-File-Name";

	/** What the uploader reads after a stored file. */
	record Stored(String id, String name, long size) {
	}

	private Transfers() {
	}

	/** The raw body of the request as an upload: never buffered, its declared length checked before it is read. */
	static Upload raw(HttpServletRequest request) {
		var header = request.getHeader(FILE_NAME_HEADER);
		String name;
		try {
			name = header == null ? "" : URLDecoder.decode(header, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw new UploadRejectedException(UploadRejectedException.Reason.BAD_NAME);
		}
		try {
			return new Upload(name, request.getInputStream(), request.getContentLengthLong());
		}
		catch (IOException e) {
			throw new UploadRejectedException(UploadRejectedException.Reason.INCOMPLETE);
		}
	}

	/** One part of a multipart form; the container keeps it on disk, and it is read as a stream from there. */
	static Upload part(MultipartFile file) {
		try {
			return new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
					file.getInputStream(), file.getSize());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The files of a multipart form that carry something; none at all is an empty upload. */
	static List<MultipartFile> files(List<MultipartFile> files) {
		var chosen = files == null ? List.<MultipartFile>of()
				: files.stream().filter(f -> f != null && !(f.isEmpty() && blank(f.getOriginalFilename()))).toList();
		if (chosen.isEmpty()) {
			throw new UploadRejectedException(UploadRejectedException.Reason.EMPTY);
		}
		return chosen;
	}

	/**
	 * Runs an upload for the uploader: 201 and what was stored, or the refusal as {@code {message}} with its status
	 * (413, 415, 400; 404 and 403 when the target is not there for this person).
	 */
	static <T> ResponseEntity<Object> answer(FormErrors messages, DataSize limit, Supplier<T> upload,
			Function<T, Stored> stored) {
		try {
			return ResponseEntity.status(HttpStatus.CREATED).body(stored.apply(upload.get()));
		}
		catch (UploadRejectedException e) {
			return problem(e.status(), message(messages, e, limit));
		}
		catch (InvalidRequestException e) {
			return problem(HttpStatus.BAD_REQUEST.value(), messages.message(e.messageKey()));
		}
		catch (NotFoundException e) {
			return problem(HttpStatus.NOT_FOUND.value(), messages.message("document.upload.not-found"));
		}
		catch (AccessDeniedException e) {
			return problem(HttpStatus.FORBIDDEN.value(), messages.message("document.upload.forbidden"));
		}
	}

	private static ResponseEntity<Object> problem(int status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
	}

	/**
	 * The refusal as a person reads it. Too large names the limit as configured (in KB, MB or GB); a type not allowed
	 * names the file.
	 */
	static String message(FormErrors messages, UploadRejectedException e, DataSize limit) {
		if (e.reason() == UploadRejectedException.Reason.TOO_LARGE) {
			return messages.message(e.messageKey(), Sizes.human(limit.toBytes()));
		}
		var arguments = e.arguments();
		if (e.reason() == UploadRejectedException.Reason.NOT_ALLOWED && arguments.length == 0) {
			arguments = new Object[] { "" };
		}
		return messages.message(e.messageKey(), arguments);
	}

	static Requester requester(HttpServletRequest request) {
		var agent = request.getHeader(HttpHeaders.USER_AGENT);
		return new Requester(request.getRemoteAddr(), agent == null ? "" : clip(agent, 500));
	}

	/** Whether a browser may show the type itself: PDFs and raster images (never SVG, which can carry script). */
	static boolean showsInline(String contentType) {
		if (contentType == null) {
			return false;
		}
		var type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("application/pdf")
				|| (type.startsWith("image/") && !type.startsWith("image/svg"));
	}

	/**
	 * The download: attachment (or inline, when asked and the type allows it), never cached; a {@code Range} request
	 * gets its 206 from Spring MVC, which reads only the ranges from the resource.
	 */
	static ResponseEntity<Resource> send(DocumentDownload download, boolean inline) {
		var disposition = (inline && showsInline(download.contentType()) ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(download.filename(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("X-Content-Type-Options", "nosniff")
			.contentType(mediaType(download.contentType()))
			.body(download.content());
	}

	private static MediaType mediaType(String contentType) {
		try {
			return contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM
					: MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException e) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	static boolean isHtmx(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
		return request.getHeader("HX-Request") != null;
	}

	static String clip(String value, int max) {
		if (value == null) {
			return "";
		}
		return value.length() > max ? value.substring(0, max) : value;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}

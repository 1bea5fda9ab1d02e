package io.atrium.messaging.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

import io.atrium.client.ClientId;
import io.atrium.document.Upload;
import io.atrium.engagement.EngagementId;
import io.atrium.messaging.ConversationId;
import io.atrium.messaging.NoteId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.WebRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What requests carry: ids in addresses (a malformed one names nothing: 404), an engagement picked in a form (a
 * malformed one is a 422), the files of a message, and whether htmx asked for a piece of a page.
 */
final class WebIds {

	private WebIds() {
	}

	static ClientId client(String value) {
		return new ClientId(uuid(value, "client"));
	}

	static EngagementId engagement(String value) {
		return new EngagementId(uuid(value, "engagement"));
	}

	static ConversationId conversation(String value) {
		return new ConversationId(uuid(value, "conversation"));
	}

	static NoteId note(String value) {
		return new NoteId(uuid(value, "note"));
	}

	/** The engagement a form picked; empty is none. */
	static EngagementId pickedEngagement(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var id = uuidOrNull(value.strip());
		if (id == null) {
			throw new InvalidRequestException("engagementId", "messaging.engagement.unknown");
		}
		return new EngagementId(id);
	}

	/** The files of a form, streamed (never read whole); the empty part a browser sends for "no file" is none. */
	static List<Upload> uploads(List<MultipartFile> files) {
		var uploads = new ArrayList<Upload>();
		if (files == null) {
			return uploads;
		}
		for (var file : files) {
			var name = file.getOriginalFilename();
			if ((name == null || name.isBlank()) && file.isEmpty()) {
				continue;
			}
			try {
				uploads.add(new Upload(name, file.getInputStream(), file.getSize()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return uploads;
	}

	static boolean isHtmx(HttpServletRequest request, HttpServletResponse response) {
		return WebRequests.isHtmx(request, response);
	}

	static String clip(String value, int max) {
		return value == null ? "" : value.length() > max ? value.substring(0, max) : value;
	}

	private static UUID uuidOrNull(String value) {
		return WebRequests.uuidOrNull(value);
	}

	private static UUID uuid(String value, String what) {
		return WebRequests.uuid(value, what);
	}
}

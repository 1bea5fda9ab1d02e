package io.atrium.document.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides the type of an upload from its first bytes (Apache Tika's magic), using the name only to pick a more
 * specific type the content agrees with ({@code text/plain} + {@code x.csv} is {@code text/csv}, a zip with
 * {@code x.docx} is a Word document), and checks it against the allow-list of exact types.
 */
final class ContentTypes {

	/** How much of the start Tika looks at. */
	static final int PREFIX = 64 * 1024;

	private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
	private static final MediaType MSOFFICE = MediaType.application("x-tika-msoffice");
	private static final MediaType ZIP = MediaType.application("zip");
	private static final MediaType JAR = MediaType.application("java-archive");

	private static final Set<MediaType> OFFICE = Set.of(MediaType.application("msword"),
			MediaType.application("vnd.ms-excel"), MediaType.application("vnd.ms-powerpoint"),
			MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
			MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation"),
			MediaType.application("vnd.oasis.opendocument.text"),
			MediaType.application("vnd.oasis.opendocument.spreadsheet"));

	private static final Set<MediaType> OTHERS = Set.of(MediaType.application("pdf"), MediaType.image("png"),
			MediaType.image("jpeg"), MediaType.image("gif"), MediaType.image("tiff"), MediaType.image("webp"),
			MediaType.image("heic"), MediaType.image("heif"), MediaType.image("bmp"), MediaType.TEXT_PLAIN,
			MediaType.text("csv"), ZIP);

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
	private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

	/** The allowed type of content starting with {@code prefix}, or {@code null} when it is not allowed. */
	String allowedType(byte[] prefix, String name) {
		MediaType content = detect(prefix);
		if (MediaType.OCTET_STREAM.equals(content)) {
			// no evidence in the bytes: the name alone never decides
			return null;
		}
		if (ZIP.equals(content) && startsWithManifest(prefix)) {
			content = JAR;
		}
		// the type the name alone suggests (Tika's name globs), looked up rather than detecting the bytes again
		MediaType named = nameType(name);
		// the name may only make the content's type more specific, never change it
		MediaType type = named.equals(content) || registry.isSpecializationOf(named, content) ? named : content;
		if ((type.equals(OOXML) || type.equals(MSOFFICE)) && OFFICE.contains(named)) {
			type = named;
		}
		return OFFICE.contains(type) || OTHERS.contains(type) ? type.toString() : null;
	}

	private MediaType detect(byte[] prefix) {
		try {
			return types.detect(new ByteArrayInputStream(prefix), new Metadata()).getBaseType();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private MediaType nameType(String name) {
		return types.getMimeType(name).getType().getBaseType();
	}

	// A jar is a zip whose first entry is META-INF/ (the jar tool writes it first); Tika's magic sees only "zip".
	private static boolean startsWithManifest(byte[] prefix) {
		if (prefix.length < 30 + 9) {
			return false;
		}
		int nameLength = (prefix[26] & 0xff) | (prefix[27] & 0xff) << 8;
		if (30 + nameLength > prefix.length) {
			return false;
		}
		String first = new String(prefix, 30, nameLength, StandardCharsets.UTF_8);
		return first.toUpperCase(java.util.Locale.ROOT).startsWith("META-INF/");
	}
}

package io.atrium.document.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * The encryption keys by id, and the active one. Each key is a streaming AEAD (Tink's AES-256-GCM-HKDF with 1 MiB
 * segments): every blob gets its own derived key and nonces, segments can be decrypted on their own (ranged reads),
 * and any change to the ciphertext fails the read.
 */
final class DocumentKeys {

	private static final Logger log = LoggerFactory.getLogger(DocumentKeys.class);

	static final String GENERATED_ID = "dev";
	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
	private static final int SEGMENT_SIZE = 1024 * 1024;

	private final Map<String, StreamingAead> keys;
	private final String activeId;

	private DocumentKeys(Map<String, StreamingAead> keys, String activeId) {
		this.keys = keys;
		this.activeId = activeId;
	}

	/**
	 * The configured keys; with none configured, the development key kept in {@code generatedKeyFile} (created once,
	 * with a warning).
	 */
	static DocumentKeys from(DocumentStorageProperties.Encryption settings, Supplier<Path> generatedKeyFile) {
		var encoded = new TreeMap<>(settings.keys());
		String active = settings.activeKey();
		if (encoded.isEmpty()) {
			encoded.put(GENERATED_ID, developmentKey(generatedKeyFile.get()));
			active = GENERATED_ID;
		}
		if (active == null || active.isBlank()) {
			if (encoded.size() > 1) {
				throw new IllegalStateException("Several atrium.documents.encryption.keys but no "
						+ "atrium.documents.encryption.active-key to say which one encrypts new documents");
			}
			active = encoded.firstKey();
		}
		if (!encoded.containsKey(active)) {
			throw new IllegalStateException("atrium.documents.encryption.active-key=" + active
					+ " names no key under atrium.documents.encryption.keys (there are " + encoded.keySet() + ")");
		}
		var keys = new LinkedHashMap<String, StreamingAead>();
		encoded.forEach((id, value) -> keys.put(id, aead(id, value)));
		return new DocumentKeys(Map.copyOf(keys), active);
	}

	String activeId() {
		return activeId;
	}

	StreamingAead active() {
		return keys.get(activeId);
	}

	StreamingAead forId(String id) {
		var aead = keys.get(id);
		if (aead == null) {
			throw new IllegalStateException("This document was encrypted with key '" + id
					+ "', which is not configured (atrium.documents.encryption.keys." + id + ")");
		}
		return aead;
	}

	/** A fresh key in the form {@code atrium.documents.encryption.keys.<id>} takes. */
	static String newEncodedKey() {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static StreamingAead aead(String id, String value) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalStateException("Encryption key id '" + id
					+ "' must be lower-case letters, digits and dashes (at most 40)");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("atrium.documents.encryption.keys." + id + " is not base64", ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException("atrium.documents.encryption.keys." + id
					+ " must be 32 random bytes in base64 (openssl rand -base64 32), not " + key.length + " bytes");
		}
		try {
			return new AesGcmHkdfStreaming(key, "HmacSha256", 32, SEGMENT_SIZE, 0);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use encryption key " + id + ": " + ex.getMessage(), ex);
		}
	}

	private static synchronized String developmentKey(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).strip();
			}
			log.warn("No atrium.documents.encryption.keys configured: generated a development key in {}. "
					+ "Keep that file with the documents (they cannot be read without it), and configure real keys "
					+ "for production (docs/document-storage.md).", file.toAbsolutePath());
			Files.createDirectories(file.toAbsolutePath().getParent());
			var temp = file.resolveSibling(file.getFileName() + ".new");
			Files.writeString(temp, newEncodedKey() + "\n", StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system (Windows): the folder's permissions apply
			}
			Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the development key " + file, ex);
		}
	}
}

package io.atrium.document.storage;

/**
 * Bytes safely stored: where ({@code key}, under the encryption key {@code keyId}), the sanitized name, the type
 * decided from the content, the plain length and its SHA-256 (hex).
 */
public record StoredBlob(String key, String keyId, String name, String contentType, long size, String sha256) {
}

package io.atrium.document;

import java.io.InputStream;

/**
 * Bytes on their way in: the name the uploader gave (sanitized before it is kept), the stream (read once, never
 * held whole), and the length the request declared ({@code -1} when unknown), checked against the limit before
 * reading.
 */
public record Upload(String name, InputStream content, long declaredLength) {
}

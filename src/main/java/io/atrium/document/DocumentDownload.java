package io.atrium.document;

import org.springframework.core.io.Resource;

/**
 * What a download answers with: the document's name and type and its decrypted bytes as a resource whose stream
 * can skip cheaply (so range requests do not decrypt what they skip). Opened only after authorization; the access
 * is already recorded.
 */
public record DocumentDownload(String filename, String contentType, long length, Resource content) {
}

package io.atrium.document.storage;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code prod} profile, documents must be encrypted with configured keys: a development key generated next
 * to the folder would be lost with the node, or copied along with the documents.
 */
@Component
@Profile("prod")
class DocumentKeyGuard {

	private final DocumentStorageProperties properties;

	DocumentKeyGuard(DocumentStorageProperties properties) {
		this.properties = properties;
		check();
	}

	void check() {
		if (properties.encryption().keys().isEmpty()) {
			throw new IllegalStateException("Refusing to start with the prod profile: no document encryption key. "
					+ "Set atrium.documents.encryption.keys.<id> to 32 random bytes in base64 (openssl rand -base64 32) "
					+ "and atrium.documents.encryption.active-key=<id> (docs/document-storage.md)");
		}
	}
}

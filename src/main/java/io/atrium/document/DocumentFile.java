package io.atrium.document;

import io.atrium.client.ClientId;
import io.atrium.document.storage.StoredBlob;
import io.atrium.firm.FirmId;

/**
 * One version's stored file with what opening it needs of its document: read in one statement for downloads, where
 * loading the whole document with all its versions cost more than the rest of the request's database work.
 * {@code blob} is null when the document has no version {@code number}.
 */
record DocumentFile(FirmId firm, DocumentId id, ClientId client, String name, int currentVersion, int number,
		StoredBlob blob) {
}

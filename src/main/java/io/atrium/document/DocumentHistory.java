package io.atrium.document;

import java.util.List;

/** A document with its versions and every view and download, for staff. */
public record DocumentHistory(DocumentView document, List<DocumentVersionView> versions,
		List<DocumentAccessView> accesses) {
}

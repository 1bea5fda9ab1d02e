package io.atrium.document;

import java.time.Clock;
import java.util.ArrayList;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Empties the trash: documents deleted 30 days ago or more go for good, rows first and their blobs (every version's)
 * once that is committed. Runs daily as db-scheduler's recurring task {@code document-purge}.
 */
@Component
class DocumentTrash {

	private static final int BATCH = 100;

	private final DocumentRepository documents;
	private final DocumentQueries queries;
	private final DocumentFiles files;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DocumentTrash(DocumentRepository documents, DocumentQueries queries, DocumentFiles files,
			ApplicationEventPublisher events, Clock clock) {
		this.documents = documents;
		this.queries = queries;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/** Purges every document whose 30 days in the trash are over; returns how many. */
	@Transactional
	public int purgeExpired() {
		var now = clock.instant();
		var before = now.minus(Document.KEPT_IN_TRASH);
		var purged = 0;
		var keys = new ArrayList<String>();
		while (true) {
			var due = documents.findTrashedBefore(before, BATCH);
			for (var document : due) {
				document.versions().forEach(v -> keys.add(v.blobKey()));
				queries.deleteAccesses(document.id());
				documents.delete(document);
				events.publishEvent(new DocumentChanged(document.firm(), document.client(), document.engagement(),
						document.id(), document.name(), "purge", null, null, null, null));
				purged++;
			}
			if (due.size() < BATCH) {
				break;
			}
		}
		files.deleteAfterCommit(keys);
		return purged;
	}
}

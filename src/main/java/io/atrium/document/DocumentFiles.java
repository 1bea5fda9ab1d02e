package io.atrium.document;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.atrium.client.ContactId;
import io.atrium.document.storage.DocumentVault;
import io.atrium.document.storage.StoredBlob;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.StaffId;

/**
 * The bytes behind documents, tied to the facades' transactions: an upload is stored before any row is written and
 * removed again if the transaction rolls back; purged blobs go only once the rows are gone for good. Opening a
 * version records the view or download first.
 */
@Component
class DocumentFiles {

	private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);

	private final DocumentVault vault;
	private final DocumentQueries queries;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DocumentFiles(DocumentVault vault, DocumentQueries queries, ApplicationEventPublisher events, Clock clock) {
		this.vault = vault;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	/** Stores the upload whole (or throws, leaving nothing); a rollback of the transaction deletes it again. */
	StoredBlob store(Upload upload) {
		var blob = vault.store(upload);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						delete(List.of(blob.key()));
					}
				}
			});
		}
		return blob;
	}

	/** Deletes the blobs once the transaction has committed (at once without one). */
	void deleteAfterCommit(List<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			delete(keys);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				delete(keys);
			}
		});
	}

	private void delete(List<String> keys) {
		for (var key : keys) {
			try {
				vault.delete(key);
			}
			catch (RuntimeException e) {
				// an orphaned blob is harmless (unreadable without its row); a failed request because of it is not
				log.warn("Could not delete document blob {}", key, e);
			}
		}
	}

	/**
	 * Records the access ({@code inline}: a view) and answers with the bytes of the file. The current version goes by
	 * the document's name, older ones by the name they were stored with.
	 */
	DocumentDownload open(DocumentFile file, boolean inline, StaffId staff, ContactId contact, String who,
			Requester requester) {
		if (file.blob() == null) {
			throw new NotFoundException("document version");
		}
		var kind = inline ? "view" : "download";
		var ip = requester == null ? null : requester.ip();
		var agent = requester == null ? null : requester.userAgent();
		queries.recordAccess(file.firm(), file.id(), file.number(), staff, contact, who, kind, clock.instant(), ip,
				agent);
		events.publishEvent(new DocumentAccessed(file.firm(), file.client(), file.id(), file.name(), kind, staff,
				contact, who));
		var blob = file.blob();
		var filename = file.number() == file.currentVersion() ? file.name() : blob.name();
		return new DocumentDownload(filename, blob.contentType(), blob.size(), vault.open(blob));
	}
}

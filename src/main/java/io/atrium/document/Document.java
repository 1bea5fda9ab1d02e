package io.atrium.document;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.document.storage.DocumentVault;
import io.atrium.document.storage.StoredBlob;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffId;

/**
 * A document of a client: where it belongs (client level, an engagement, a request's answer, a conversation), who
 * sees it, and every version stored of it. Who may do what is decided by the facades; this class keeps the document
 * itself consistent.
 */
@Table("document")
class Document {

	static final int MAX_NAME = 255;
	static final Duration KEPT_IN_TRASH = Duration.ofDays(30);
	static final Duration OWN_UPLOAD_DELETABLE = Duration.ofMinutes(10);

	/** Who put a version there: a staff member or a contact, named as they were then. */
	record Uploader(StaffId staff, ContactId contact, String name) {
	}

	/** One stored version; {@code number} counts from 1. */
	@Table("document_version")
	record FileVersion(int number, String name, String contentType, long size, String sha256, String blobKey,
			String keyId, UUID uploadedByStaff, UUID uploadedByContact, String uploadedByName, Instant uploadedAt) {

		StoredBlob blob() {
			return new StoredBlob(blobKey, keyId, name, contentType, size, sha256);
		}
	}

	private final @Id UUID id;
	private final UUID firmId;
	private final UUID clientId;
	private UUID engagementId;
	private final UUID requestId;
	private final UUID conversationId;
	private String name;
	private DocumentVisibility visibility;
	private boolean portalShared;
	private int currentVersion;
	private final Instant createdAt;
	private Instant deletedAt;
	@MappedCollection(idColumn = "document_id")
	private final Set<FileVersion> versions;
	private @Version Integer version;

	@PersistenceCreator
	Document(UUID id, UUID firmId, UUID clientId, UUID engagementId, UUID requestId, UUID conversationId, String name,
			DocumentVisibility visibility, boolean portalShared, int currentVersion, Instant createdAt,
			Instant deletedAt, Set<FileVersion> versions, Integer version) {
		this.id = id;
		this.firmId = firmId;
		this.clientId = clientId;
		this.engagementId = engagementId;
		this.requestId = requestId;
		this.conversationId = conversationId;
		this.name = name;
		this.visibility = visibility;
		this.portalShared = portalShared;
		this.currentVersion = currentVersion;
		this.createdAt = createdAt;
		this.deletedAt = deletedAt;
		this.versions = new HashSet<>(versions == null ? Set.of() : versions);
		this.version = version;
	}

	/** A new document from bytes already stored whole. */
	static Document stored(FirmId firm, ClientId client, EngagementId engagement, DocumentRequestId request,
			UUID conversation, DocumentVisibility visibility, StoredBlob blob, Uploader by, Instant now) {
		Objects.requireNonNull(visibility, "visibility");
		var document = new Document(UUID.randomUUID(), firm.value(), client.value(),
				engagement == null ? null : engagement.value(), request == null ? null : request.value(), conversation,
				checkedName(blob.name()), visibility, visibility == DocumentVisibility.CLIENT, 0, now, null, Set.of(),
				null);
		document.addVersion(blob, by, now);
		return document;
	}

	/** A new version; the document takes its name. */
	void replace(StoredBlob blob, Uploader by, Instant now) {
		requireLive();
		addVersion(blob, by, now);
	}

	private void addVersion(StoredBlob blob, Uploader by, Instant now) {
		currentVersion++;
		name = checkedName(blob.name());
		versions.add(new FileVersion(currentVersion, name, blob.contentType(), blob.size(), blob.sha256(), blob.key(),
				blob.keyId(), by.staff() == null ? null : by.staff().value(),
				by.contact() == null ? null : by.contact().value(), by.name(), now));
	}

	/** Renames it (the versions keep the names they were stored with); false when the name is the same. */
	boolean rename(String newName) {
		requireLive();
		var checked = checkedName(sanitized(newName));
		if (checked.equals(name)) {
			return false;
		}
		name = checked;
		return true;
	}

	/** To another engagement of its client, or to client level (null); false when it already is there. */
	boolean moveTo(EngagementId engagement) {
		requireLive();
		var to = engagement == null ? null : engagement.value();
		if (Objects.equals(to, engagementId)) {
			return false;
		}
		engagementId = to;
		return true;
	}

	/** False when it already has that visibility. */
	boolean changeVisibility(DocumentVisibility to) {
		if (to == null) {
			throw new InvalidRequestException("visibility", "document.visibility.required");
		}
		requireLive();
		if (to == visibility) {
			return false;
		}
		visibility = to;
		portalShared = to == DocumentVisibility.CLIENT;
		return true;
	}

	/** To the trash; false when it already is there. */
	boolean delete(Instant now) {
		if (deletedAt != null) {
			return false;
		}
		deletedAt = now;
		return true;
	}

	/** Out of the trash; false when it was not in it. */
	boolean restore() {
		if (deletedAt == null) {
			return false;
		}
		deletedAt = null;
		return true;
	}

	/** Whether the contact may delete it now: they uploaded it, nobody replaced it, and it is recent. */
	boolean deletableBy(ContactId contact, Instant now) {
		var first = current();
		return deletedAt == null && currentVersion == 1 && contact != null
				&& contact.value().equals(first.uploadedByContact())
				&& now.isBefore(first.uploadedAt().plus(OWN_UPLOAD_DELETABLE));
	}

	boolean purgeable(Instant now) {
		return deletedAt != null && !now.isBefore(deletedAt.plus(KEPT_IN_TRASH));
	}

	FileVersion current() {
		return versionNumber(currentVersion).orElseThrow();
	}

	Optional<FileVersion> versionNumber(int number) {
		return versions.stream().filter(v -> v.number() == number).findFirst();
	}

	/** Newest first. */
	List<FileVersion> versions() {
		return versions.stream().sorted(Comparator.comparingInt(FileVersion::number).reversed()).toList();
	}

	private void requireLive() {
		if (deletedAt != null) {
			throw new InvalidRequestException(null, "document.in-trash");
		}
	}

	private static String sanitized(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidRequestException("name", "document.name.required");
		}
		if (name.strip().length() > MAX_NAME) {
			throw new InvalidRequestException("name", "document.name.too-long");
		}
		try {
			return DocumentVault.sanitizeName(name.strip());
		}
		catch (UploadRejectedException e) {
			throw new InvalidRequestException("name", "document.name.invalid");
		}
	}

	private static String checkedName(String name) {
		var stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw new InvalidRequestException("name", "document.name.required");
		}
		if (stripped.length() > MAX_NAME) {
			throw new InvalidRequestException("name", "document.name.too-long");
		}
		return stripped;
	}

	DocumentId id() {
		return new DocumentId(id);
	}

	FirmId firm() {
		return new FirmId(firmId);
	}

	ClientId client() {
		return new ClientId(clientId);
	}

	EngagementId engagement() {
		return engagementId == null ? null : new EngagementId(engagementId);
	}

	DocumentRequestId request() {
		return requestId == null ? null : new DocumentRequestId(requestId);
	}

	UUID conversation() {
		return conversationId;
	}

	String name() {
		return name;
	}

	DocumentVisibility visibility() {
		return visibility;
	}

	int currentVersion() {
		return currentVersion;
	}

	Instant deletedAt() {
		return deletedAt;
	}
}

package io.atrium.document;

import static io.atrium.document.DocumentFixtures.content;
import static io.atrium.document.DocumentFixtures.engagement;
import static io.atrium.document.DocumentFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientType;
import io.atrium.client.NewClient;
import io.atrium.document.storage.DocumentVault;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.PortalItemShared;
import io.atrium.engagement.SharedItemKind;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** The firm's side: uploads, versions, renames, moves, visibility, the trash and its purge, history, who may. */
@RecordApplicationEvents
class DocumentManagementTests extends AtriumIntegrationTest {

	final DocumentManagement documents;
	final DocumentTrash trash;
	final EngagementManagement engagements;
	final ClientManagement clients;
	final StaffManagement staff;
	final JdbcClient jdbc;
	final ApplicationContext context;
	final DocumentVault vault;
	final PlatformTransactionManager transactions;

	@Autowired
	DocumentManagementTests(DocumentManagement documents, DocumentTrash trash, EngagementManagement engagements,
			ClientManagement clients, StaffManagement staff, JdbcClient jdbc, ApplicationContext context,
			DocumentVault vault, PlatformTransactionManager transactions) {
		this.vault = vault;
		this.transactions = transactions;
		this.documents = documents;
		this.trash = trash;
		this.engagements = engagements;
		this.clients = clients;
		this.staff = staff;
		this.jdbc = jdbc;
		this.context = context;
	}

	/** Not a module's bean: recorded per test, injected as the test framework prescribes. */
	@Autowired
	ApplicationEvents events;

	StaffPrincipal owner;
	ClientId bakery;
	EngagementId returns;
	EngagementId payroll;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		bakery = client(owner, "Baker's Dozen LLC");
		returns = engagement(engagements, owner, bakery, "2025 1120S", true);
		payroll = engagement(engagements, owner, bakery, "2025 Payroll", false);
	}

	private ClientId client(StaffPrincipal by, String name) {
		return clients.create(by, new NewClient(ClientType.BUSINESS, name, null, null, null)).id();
	}

	@Test
	void storesAnUploadWithItsChecksumAndListsItNewestFirst() {
		var first = documents.upload(owner, bakery, returns, DocumentVisibility.CLIENT, text("w2.txt", "wages"));
		clock.advance(Duration.ofSeconds(5));
		var second = documents.upload(owner, bakery, null, DocumentVisibility.FIRM, text("notes.txt", "internal"));

		assertThat(first.name()).isEqualTo("w2.txt");
		assertThat(first.contentType()).startsWith("text/plain");
		assertThat(first.size()).isEqualTo(5);
		assertThat(first.sha256()).hasSize(64);
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.engagementName()).isEqualTo("2025 1120S");
		assertThat(first.uploadedBy()).isEqualTo("Olive Owner");
		assertThat(first.byClient()).isFalse();
		assertThat(first.deletable()).isTrue();
		assertThat(documents.documents(owner, bakery, null)).extracting(DocumentView::id)
			.containsExactly(second.id(), first.id());
		assertThat(documents.documents(owner, bakery, returns)).extracting(DocumentView::id).containsExactly(first.id());
		assertThat(documents.documents(owner, bakery, payroll)).isEmpty();
		assertThat(events.stream(DocumentUploaded.class).filter(e -> e.document().equals(first.id())))
			.singleElement()
			.satisfies(e -> assertThat(e.staff()).isEqualTo(owner.id()));
	}

	@Test
	void announcesOnlyWhatBecomesVisibleInThePortal() {
		var shown = documents.upload(owner, bakery, returns, DocumentVisibility.CLIENT, text("a.txt", "a"));
		var clientLevel = documents.upload(owner, bakery, null, DocumentVisibility.CLIENT, text("b.txt", "b"));
		var unshared = documents.upload(owner, bakery, payroll, DocumentVisibility.CLIENT, text("c.txt", "c"));
		var firmOnly = documents.upload(owner, bakery, returns, DocumentVisibility.FIRM, text("d.txt", "d"));
		assertThat(shared()).containsExactlyInAnyOrder(shown.id().value(), clientLevel.id().value());

		documents.changeVisibility(owner, firmOnly.id(), DocumentVisibility.CLIENT);
		documents.move(owner, unshared.id(), returns);
		assertThat(shared()).containsExactlyInAnyOrder(shown.id().value(), clientLevel.id().value(),
				firmOnly.id().value(), unshared.id().value());

		// moving a visible one to another visible place is no news
		documents.move(owner, shown.id(), null);
		assertThat(shared()).hasSize(4);
		assertThat(events.stream(PortalItemShared.class))
			.allSatisfy(e -> assertThat(e.kind()).isEqualTo(SharedItemKind.DOCUMENT));
	}

	private java.util.List<UUID> shared() {
		return events.stream(PortalItemShared.class).map(PortalItemShared::item).toList();
	}

	@Test
	void replacingKeepsEveryVersionInTheHistory() {
		var v1 = documents.upload(owner, bakery, returns, DocumentVisibility.CLIENT, text("k1.txt", "draft"));
		clock.advance(Duration.ofMinutes(1));
		var v2 = documents.replace(owner, v1.id(), text("k1-final.txt", "final version"));

		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.name()).isEqualTo("k1-final.txt");
		assertThat(v2.size()).isEqualTo(13);
		assertThat(documents.documents(owner, bakery, null)).singleElement()
			.satisfies(d -> assertThat(d.version()).isEqualTo(2));
		assertThat(content(documents.download(owner, v1.id(), null, false, new Requester("10.0.0.1", "Firefox"))))
			.isEqualTo("final version");
		assertThat(content(documents.download(owner, v1.id(), 1, true, new Requester("10.0.0.2", "x".repeat(900)))))
			.isEqualTo("draft");

		var history = documents.history(owner, v1.id());
		assertThat(history.versions()).extracting(DocumentVersionView::version).containsExactly(2, 1);
		assertThat(history.versions()).extracting(DocumentVersionView::name).containsExactly("k1-final.txt", "k1.txt");
		assertThat(history.versions().get(1).sha256()).isNotEqualTo(history.versions().get(0).sha256());
		assertThat(history.accesses()).extracting(DocumentAccessView::kind).containsExactly("view", "download");
		assertThat(history.accesses().get(0).version()).isEqualTo(1);
		assertThat(history.accesses().get(0).userAgent()).hasSize(500);
		assertThat(history.accesses().get(1).ip()).isEqualTo("10.0.0.1");
		assertThat(history.accesses().get(1).who()).isEqualTo("Olive Owner");
		assertThat(events.stream(DocumentAccessed.class)).hasSize(2);
		assertThatThrownBy(() -> documents.download(owner, v1.id(), 7, false, new Requester(null, null)))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void renamesWithAUsableName() {
		var doc = documents.upload(owner, bakery, null, DocumentVisibility.FIRM, text("scan.txt", "x"));

		assertThat(documents.rename(owner, doc.id(), "  Bank statement March.txt ").name())
			.isEqualTo("Bank statement March.txt");
		assertThat(events.stream(DocumentChanged.class)).singleElement()
			.satisfies(e -> assertThat(e.change()).isEqualTo("rename"));
		refused(() -> documents.rename(owner, doc.id(), "  "), "name", "document.name.required");
		refused(() -> documents.rename(owner, doc.id(), "a".repeat(256)), "name", "document.name.too-long");
		refused(() -> documents.rename(owner, doc.id(), "../.."), "name", "document.name.invalid");
	}

	@Test
	void movesOnlyWithinTheClient() {
		var doc = documents.upload(owner, bakery, returns, DocumentVisibility.FIRM, text("m.txt", "x"));
		var other = engagement(engagements, owner, client(owner, "Other Co"), "2025 1065", true);

		assertThat(documents.move(owner, doc.id(), payroll).engagement()).isEqualTo(payroll);
		assertThat(documents.move(owner, doc.id(), null).engagement()).isNull();
		assertThatThrownBy(() -> documents.move(owner, doc.id(), other)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> documents.move(owner, doc.id(), new EngagementId(UUID.randomUUID())))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void deletedDocumentsWaitInTheTrashAndArePurgedAfter30Days() {
		var kept = documents.upload(owner, bakery, returns, DocumentVisibility.CLIENT, text("keep.txt", "keep"));
		var gone = documents.upload(owner, bakery, returns, DocumentVisibility.CLIENT, text("gone.txt", "gone"));
		documents.replace(owner, gone.id(), text("gone2.txt", "gone again"));
		documents.download(owner, gone.id(), null, false, new Requester("1.2.3.4", "agent"));
		var restored = documents.upload(owner, bakery, null, DocumentVisibility.FIRM, text("back.txt", "back"));

		var deleted = documents.delete(owner, gone.id());
		documents.delete(owner, restored.id());
		assertThat(deleted.deletedAt()).isNotNull();
		assertThat(deleted.deletable()).isFalse();
		assertThat(documents.documents(owner, bakery, null)).extracting(DocumentView::id).containsExactly(kept.id());
		assertThat(documents.trash(owner, bakery)).extracting(DocumentView::id)
			.containsExactlyInAnyOrder(gone.id(), restored.id());
		refused(() -> documents.rename(owner, gone.id(), "x.txt"), null, "document.in-trash");

		assertThat(documents.restore(owner, restored.id()).deletedAt()).isNull();
		assertThat(documents.trash(owner, bakery)).extracting(DocumentView::id).containsExactly(gone.id());

		clock.advance(Duration.ofDays(29));
		trash.purgeExpired();
		assertThat(documents.trash(owner, bakery)).hasSize(1);

		clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(trash.purgeExpired()).isGreaterThanOrEqualTo(1);
		assertThat(documents.trash(owner, bakery)).isEmpty();
		assertThatThrownBy(() -> documents.history(owner, gone.id())).isInstanceOf(NotFoundException.class);
		assertThat(jdbc.sql("select count(*) from document_version where document_id = :id")
			.param("id", gone.id().value())
			.query(Integer.class)
			.single()).isZero();
		assertThat(documents.documents(owner, bakery, null)).extracting(DocumentView::id)
			.containsExactlyInAnyOrder(kept.id(), restored.id());
		assertThat(content(documents.download(owner, kept.id(), null, false, new Requester(null, null))))
			.isEqualTo("keep");
		assertThat(events.stream(DocumentChanged.class).map(DocumentChanged::change))
			.contains("delete", "restore", "purge");
	}

	@Test
	void staffWhoDoNotSeeTheClientFindNothing() {
		var doc = documents.upload(owner, bakery, returns, DocumentVisibility.CLIENT, text("s.txt", "secret"));
		var request = documents.request(owner, returns, "W-2", null, null);
		var stranger = StaffFixtures.aMember(context, owner, Set.of(Permission.VIEW_CLIENTS), null);
		var otherFirm = StaffFixtures.aFirmWithOwner(staff);

		for (var viewer : java.util.List.of(stranger, otherFirm)) {
			assertThatThrownBy(() -> documents.documents(viewer, bakery, null)).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.upload(viewer, bakery, null, DocumentVisibility.FIRM, text("x.txt", "x")))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.download(viewer, doc.id(), null, false, new Requester(null, null)))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.rename(viewer, doc.id(), "y.txt")).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.delete(viewer, doc.id())).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.history(viewer, doc.id())).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.trash(viewer, bakery)).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.request(viewer, returns, "W-9", null, null))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> documents.accept(viewer, request.id())).isInstanceOf(NotFoundException.class);
			assertThat(documents.outstanding(viewer, 50)).isEmpty();
		}
		assertThat(documents.history(owner, doc.id()).accesses()).isEmpty();
	}

	@Test
	void aRolledBackUploadLeavesNoBytesBehind() {
		var blob = new java.util.concurrent.atomic.AtomicReference<io.atrium.document.storage.StoredBlob>();
		var tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			var doc = documents.upload(owner, bakery, null, DocumentVisibility.FIRM, text("r.txt", "rolled back"));
			blob.set(blobOf(doc.id(), 1));
			assertThat(readable(blob.get())).isTrue();
			status.setRollbackOnly();
		});
		assertThat(readable(blob.get())).isFalse();
	}

	@Test
	void purgingRemovesTheBytesOfEveryVersion() {
		var doc = documents.upload(owner, bakery, null, DocumentVisibility.FIRM, text("p.txt", "one"));
		documents.replace(owner, doc.id(), text("p.txt", "two"));
		var first = blobOf(doc.id(), 1);
		var second = blobOf(doc.id(), 2);
		documents.delete(owner, doc.id());
		clock.advance(Duration.ofDays(31));
		trash.purgeExpired();
		assertThat(readable(first)).isFalse();
		assertThat(readable(second)).isFalse();
	}

	private io.atrium.document.storage.StoredBlob blobOf(DocumentId id, int version) {
		return jdbc.sql("select * from document_version where document_id = :id and number = :number")
			.param("id", id.value())
			.param("number", version)
			.query((rs, n) -> new io.atrium.document.storage.StoredBlob(rs.getString("blob_key"), rs.getString("key_id"),
					rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256")))
			.single();
	}

	private boolean readable(io.atrium.document.storage.StoredBlob blob) {
		try (var in = vault.open(blob).getInputStream()) {
			in.readAllBytes();
			return true;
		}
		catch (java.io.IOException | RuntimeException e) {
			return false;
		}
	}

	static void refused(Runnable action, String field, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}
}

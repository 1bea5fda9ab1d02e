package io.atrium.document;

import static io.atrium.document.DocumentFixtures.content;
import static io.atrium.document.DocumentFixtures.engagement;
import static io.atrium.document.DocumentFixtures.member;
import static io.atrium.document.DocumentFixtures.text;
import static io.atrium.document.DocumentManagementTests.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalMembership;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientView;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.firm.FirmId;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.NotFoundException;
import io.atrium.portal.PortalFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * The client's side: only what is shared shows (anything else is not found), Viewers read only, a contact takes back
 * their own upload within 10 minutes; and document requests from asking to accepting.
 */
@RecordApplicationEvents
class PortalDocumentsTests extends AtriumIntegrationTest {

	final PortalDocuments portal;
	final DocumentManagement documents;
	final EngagementManagement engagements;
	final PortalFixtures fixtures;

	@Autowired
	PortalDocumentsTests(PortalDocuments portal, DocumentManagement documents, EngagementManagement engagements,
			StaffManagement staff, FirmManagement firms, ClientManagement clients, PortalAccessManagement access) {
		this.portal = portal;
		this.documents = documents;
		this.engagements = engagements;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	/** Not a module's bean: recorded per test, injected as the test framework prescribes. */
	@Autowired
	ApplicationEvents events;

	PortalFixtures.Firm firm;
	FirmId firmId;
	StaffPrincipal owner;
	ClientView bakery;
	EngagementId returns;
	EngagementId payroll;
	PortalMembership hannah;
	PortalMembership victor;

	@BeforeEach
	void firm() {
		firm = fixtures.aFirm();
		firmId = firm.view().id();
		owner = firm.owner();
		bakery = fixtures.client(firm, "Baker's Dozen LLC");
		returns = engagement(engagements, owner, bakery.id(), "2025 1120S", true);
		payroll = engagement(engagements, owner, bakery.id(), "2025 Payroll", false);
		hannah = member(fixtures, firm, bakery, "Hannah Baker", PortalRole.EDITOR);
		victor = member(fixtures, firm, bakery, "Victor Viewer", PortalRole.VIEWER);
	}

	private static Requester browser() {
		return new Requester("203.0.113.9", "Safari");
	}

	@Test
	void showsOnlyClientVisibleDocumentsAtClientLevelOrInSharedEngagements() {
		var shown = documents.upload(owner, bakery.id(), returns, DocumentVisibility.CLIENT, text("shown.txt", "s"));
		var clientLevel = documents.upload(owner, bakery.id(), null, DocumentVisibility.CLIENT, text("cl.txt", "c"));
		var unshared = documents.upload(owner, bakery.id(), payroll, DocumentVisibility.CLIENT, text("u.txt", "u"));
		var firmOnly = documents.upload(owner, bakery.id(), returns, DocumentVisibility.FIRM, text("f.txt", "f"));
		var trashed = documents.upload(owner, bakery.id(), returns, DocumentVisibility.CLIENT, text("t.txt", "t"));
		documents.delete(owner, trashed.id());
		var other = fixtures.client(firm, "Other Co");
		var othersDoc = documents.upload(owner, other.id(), null, DocumentVisibility.CLIENT, text("o.txt", "o"));
		var otherFirm = fixtures.aFirm();
		var otherFirmClient = fixtures.client(otherFirm, "Elsewhere Inc");
		var otherFirmDoc = documents.upload(otherFirm.owner(), otherFirmClient.id(), null, DocumentVisibility.CLIENT,
				text("e.txt", "e"));

		assertThat(portal.documents(firmId, victor, null)).extracting(DocumentView::id)
			.containsExactlyInAnyOrder(shown.id(), clientLevel.id());
		assertThat(portal.documents(firmId, victor, returns)).extracting(DocumentView::id).containsExactly(shown.id());
		assertThatThrownBy(() -> portal.documents(firmId, victor, payroll)).isInstanceOf(NotFoundException.class);
		assertThat(content(portal.download(firmId, victor, shown.id(), false, browser()))).isEqualTo("s");
		for (var hidden : java.util.List.of(unshared, firmOnly, trashed, othersDoc, otherFirmDoc)) {
			assertThatThrownBy(() -> portal.download(firmId, victor, hidden.id(), false, browser()))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> portal.deleteOwn(firmId, hannah, hidden.id()))
				.isInstanceOf(NotFoundException.class);
		}

		// sharing the engagement shows what is client-visible in it; unsharing hides it again
		engagements.shareInPortal(owner, payroll, true);
		assertThat(portal.documents(firmId, victor, null)).extracting(DocumentView::id).contains(unshared.id());
		engagements.shareInPortal(owner, returns, false);
		assertThat(portal.documents(firmId, victor, null)).extracting(DocumentView::id)
			.containsExactlyInAnyOrder(unshared.id(), clientLevel.id());
		assertThatThrownBy(() -> portal.download(firmId, victor, shown.id(), true, browser()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void recordsTheContactsDownloads() {
		var doc = documents.upload(owner, bakery.id(), returns, DocumentVisibility.CLIENT, text("k1.txt", "k-1"));

		var download = portal.download(firmId, victor, doc.id(), true, browser());
		assertThat(download.filename()).isEqualTo("k1.txt");
		assertThat(download.length()).isEqualTo(3);

		var access = documents.history(owner, doc.id()).accesses();
		assertThat(access).singleElement().satisfies(a -> {
			assertThat(a.who()).isEqualTo("Victor Viewer");
			assertThat(a.byClient()).isTrue();
			assertThat(a.kind()).isEqualTo("view");
			assertThat(a.ip()).isEqualTo("203.0.113.9");
		});
		assertThat(events.stream(DocumentAccessed.class)).singleElement()
			.satisfies(e -> assertThat(e.contact()).isEqualTo(victor.contact()));
	}

	@Test
	void contactsWhoMayUploadAddFilesToSharedEngagements() {
		var added = portal.upload(firmId, hannah, returns, text("receipt.txt", "12.50"));

		assertThat(added.byClient()).isTrue();
		assertThat(added.uploadedBy()).isEqualTo("Hannah Baker");
		assertThat(added.visibility()).isEqualTo(DocumentVisibility.CLIENT);
		assertThat(added.deletable()).isTrue();
		assertThat(portal.documents(firmId, victor, null)).singleElement()
			.satisfies(d -> assertThat(d.deletable()).isFalse());
		assertThat(documents.documents(owner, bakery.id(), returns)).extracting(DocumentView::id)
			.containsExactly(added.id());
		assertThat(events.stream(DocumentUploaded.class)).singleElement()
			.satisfies(e -> assertThat(e.contact()).isEqualTo(hannah.contact()));

		assertThatThrownBy(() -> portal.upload(firmId, victor, returns, text("v.txt", "v")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> portal.upload(firmId, hannah, payroll, text("p.txt", "p")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> portal.upload(firmId, hannah, null, text("p.txt", "p")))
			.isInstanceOf(NotFoundException.class);
		var otherClient = engagement(engagements, owner, fixtures.client(firm, "Other Co").id(), "2025 1065", true);
		assertThatThrownBy(() -> portal.upload(firmId, hannah, otherClient, text("p.txt", "p")))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aContactTakesBackTheirOwnUploadWithinTenMinutesOnly() {
		var early = portal.upload(firmId, hannah, returns, text("oops.txt", "wrong file"));
		var late = portal.upload(firmId, hannah, returns, text("late.txt", "right file"));
		var staffs = documents.upload(owner, bakery.id(), returns, DocumentVisibility.CLIENT, text("s.txt", "s"));
		var colleague = member(fixtures, firm, bakery, "Carl Colleague", PortalRole.OWNER);

		assertThatThrownBy(() -> portal.deleteOwn(firmId, colleague, early.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> portal.deleteOwn(firmId, hannah, staffs.id()))
			.isInstanceOf(AccessDeniedException.class);
		clock.advance(Duration.ofMinutes(9));
		assertThat(portal.deleteOwn(firmId, hannah, early.id()).deletedAt()).isNotNull();
		assertThat(portal.documents(firmId, hannah, null)).extracting(DocumentView::id)
			.containsExactlyInAnyOrder(late.id(), staffs.id());
		assertThat(documents.trash(owner, bakery.id())).extracting(DocumentView::id).containsExactly(early.id());

		clock.advance(Duration.ofMinutes(2));
		assertThat(portal.documents(firmId, hannah, null)).allSatisfy(d -> assertThat(d.deletable()).isFalse());
		assertThatThrownBy(() -> portal.deleteOwn(firmId, hannah, late.id()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void conversationAttachmentsShowThroughTheirConversationOnly() {
		var conversation = UUID.randomUUID();
		var fromFirm = documents.attach(owner, bakery.id(), conversation, text("letter.txt", "hello"));
		var fromClient = portal.attach(firmId, hannah, conversation, text("reply.txt", "hi"));

		assertThat(portal.conversationDocuments(firmId, victor, conversation)).extracting(DocumentView::id)
			.containsExactly(fromFirm.id(), fromClient.id());
		assertThat(documents.conversationDocuments(owner, bakery.id(), conversation)).hasSize(2);
		assertThat(portal.documents(firmId, victor, null)).isEmpty();
		assertThat(content(portal.download(firmId, victor, fromFirm.id(), false, browser()))).isEqualTo("hello");
		assertThatThrownBy(() -> portal.attach(firmId, victor, conversation, text("v.txt", "v")))
			.isInstanceOf(AccessDeniedException.class);

		var other = member(fixtures, firm, fixtures.client(firm, "Other Co"), "Olga Other", PortalRole.OWNER);
		assertThat(portal.conversationDocuments(firmId, other, conversation)).isEmpty();
		assertThatThrownBy(() -> portal.download(firmId, other, fromFirm.id(), false, browser()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void documentRequestsGoFromAskedToAnsweredToAccepted() {
		var w2 = documents.request(owner, returns, " 2025 W-2 ", "From every employer", LocalDate.of(2026, 3, 1));
		clock.advance(Duration.ofSeconds(1));
		var k1 = documents.request(owner, returns, "K-1", null, null);
		clock.advance(Duration.ofSeconds(1));
		var hidden = documents.request(owner, payroll, "Payroll register", null, null);
		assertThat(w2.status()).isEqualTo(RequestStatus.OPEN);
		assertThat(w2.title()).isEqualTo("2025 W-2");
		assertThat(w2.requestedBy()).isEqualTo("Olive Owner");
		assertThat(w2.engagementName()).isEqualTo("2025 1120S");
		assertThat(w2.clientName()).isEqualTo("Baker's Dozen LLC");
		assertThat(events.stream(DocumentRequested.class)).hasSize(3);

		assertThat(portal.openRequests(firmId, victor)).extracting(DocumentRequestView::id)
			.containsExactly(w2.id(), k1.id());
		assertThatThrownBy(() -> portal.requests(firmId, victor, payroll)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> portal.answerNotApplicable(firmId, hannah, hidden.id(), "none"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> portal.answerWithUpload(firmId, victor, w2.id(), text("w2.txt", "w")))
			.isInstanceOf(AccessDeniedException.class);

		var answered = portal.answerWithUpload(firmId, hannah, w2.id(), text("w2-acme.txt", "acme"));
		answered = portal.answerWithUpload(firmId, hannah, w2.id(), text("w2-globex.txt", "globex"));
		assertThat(answered.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(answered.answeredBy()).isEqualTo("Hannah Baker");
		assertThat(answered.files()).extracting(DocumentView::name).containsExactly("w2-acme.txt", "w2-globex.txt");
		assertThat(answered.files()).allSatisfy(f -> {
			assertThat(f.request()).isEqualTo(w2.id());
			assertThat(f.engagement()).isEqualTo(returns);
			assertThat(f.visibility()).isEqualTo(DocumentVisibility.CLIENT);
		});
		refused(() -> portal.answerNotApplicable(firmId, hannah, k1.id(), " "), "reason",
				"document.request.reason.required");
		refused(() -> portal.answerNotApplicable(firmId, hannah, k1.id(), "x".repeat(1001)), "reason",
				"document.request.reason.too-long");
		var notApplicable = portal.answerNotApplicable(firmId, hannah, k1.id(), "No partnership this year");
		assertThat(notApplicable.status()).isEqualTo(RequestStatus.NOT_APPLICABLE);
		assertThat(notApplicable.reason()).isEqualTo("No partnership this year");
		assertThat(events.stream(DocumentRequestAnswered.class)).extracting(DocumentRequestAnswered::notApplicable)
			.containsExactly(false, false, true);
		assertThat(portal.openRequests(firmId, hannah)).isEmpty();

		assertThat(documents.accept(owner, w2.id()).status()).isEqualTo(RequestStatus.ACCEPTED);
		refused(() -> portal.answerWithUpload(firmId, hannah, w2.id(), text("more.txt", "more")), null,
				"document.request.closed");
		assertThat(documents.reopen(owner, k1.id()).status()).isEqualTo(RequestStatus.OPEN);
		assertThat(portal.openRequests(firmId, victor)).extracting(DocumentRequestView::id).containsExactly(k1.id());
		assertThat(events.stream(DocumentRequestReviewed.class)).extracting(DocumentRequestReviewed::accepted)
			.containsExactly(true, false);

		assertThat(documents.requests(owner, bakery.id(), null)).hasSize(3);
		assertThat(documents.requests(owner, bakery.id(), payroll)).extracting(DocumentRequestView::id)
			.containsExactly(hidden.id());
		assertThat(portal.requests(firmId, victor, null)).extracting(DocumentRequestView::id)
			.containsExactly(w2.id(), k1.id());
		assertThat(documents.outstanding(owner, 50)).extracting(DocumentRequestView::id)
			.containsExactly(k1.id(), hidden.id());
	}

	@Test
	void requestsNeedATitleAndAnEngagementOfTheFirm() {
		refused(() -> documents.request(owner, returns, " ", null, null), "title", "document.request.title.required");
		refused(() -> documents.request(owner, returns, "x".repeat(201), null, null), "title",
				"document.request.title.too-long");
		refused(() -> documents.request(owner, returns, "W-2", "x".repeat(2001), null), "description",
				"document.request.description.too-long");
		assertThatThrownBy(() -> documents.request(owner, new EngagementId(UUID.randomUUID()), "W-2", null, null))
			.isInstanceOf(NotFoundException.class);
		var otherFirm = fixtures.aFirm();
		assertThatThrownBy(() -> documents.request(otherFirm.owner(), returns, "W-2", null, null))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void takingBackTheOnlyAnswerOpensTheRequestAgain() {
		var w9 = documents.request(owner, returns, "W-9", null, null);
		var answered = portal.answerWithUpload(firmId, hannah, w9.id(), text("w9.txt", "w9"));

		portal.deleteOwn(firmId, hannah, answered.files().get(0).id());

		assertThat(portal.openRequests(firmId, hannah)).singleElement()
			.satisfies(r -> assertThat(r.files()).isEmpty());
	}
}

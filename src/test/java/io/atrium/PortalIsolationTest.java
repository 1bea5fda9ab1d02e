package io.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.document.DocumentManagement;
import io.atrium.document.DocumentVisibility;
import io.atrium.document.Upload;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.firm.FirmManagement;
import io.atrium.messaging.Messaging;
import io.atrium.portal.PortalFixtures;
import io.atrium.portal.PortalFixtures.Member;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * A signed-in contact tries every id they should not reach — documents, requests, conversations, notes and cases
 * of another client of the same firm, of another firm, and the unshared ones of their own client — by listing,
 * viewing, downloading, uploading, answering, deleting and replying. Every try is refused with 404 (existence is
 * never confirmed), no page lists any of them, and nothing is written.
 */
class PortalIsolationTest extends AtriumIntegrationTest {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private final PortalFixtures fixtures;
	private final EngagementManagement engagements;
	private final DocumentManagement documents;
	private final Messaging messaging;
	private final JdbcClient jdbc;

	@Autowired
	PortalIsolationTest(StaffManagement staff, FirmManagement firms, ClientManagement clients,
			PortalAccessManagement access, EngagementManagement engagements, DocumentManagement documents,
			Messaging messaging, JdbcClient jdbc) {
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
		this.engagements = engagements;
		this.documents = documents;
		this.messaging = messaging;
		this.jdbc = jdbc;
	}

	/** Ids the contact must not reach, each with the distinctive name it carries. */
	record Forbidden(List<String> documents, List<String> requests, List<String> conversations, List<String> notes,
			List<String> cases, List<String> names) {
	}

	Member me;
	Member viewer;
	Forbidden forbidden;
	EngagementId myCase;
	String myDocument;

	@BeforeEach
	void scene() {
		var firm = fixtures.aFirm();
		var mine = fixtures.client(firm, "My Own LLC");
		me = fixtures.member(firm, mine, "Mia Mine", io.atrium.staff.StaffFixtures.uniqueEmail("mia"), PortalRole.EDITOR);
		viewer = fixtures.member(firm, mine, "Vera Viewer", io.atrium.staff.StaffFixtures.uniqueEmail("vera"),
				PortalRole.VIEWER);
		var owner = firm.owner();

		// what the contact may see: a shared case with a client-visible document
		myCase = shared(owner, mine.id(), "My 2025 1040");
		myDocument = documents.upload(owner, mine.id(), myCase, DocumentVisibility.CLIENT, pdf("visible-to-me.pdf"))
			.id()
			.toString();

		var found = new Forbidden(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
				new ArrayList<>(), new ArrayList<>());
		// unshared items of my own client
		var myHidden = engagement(owner, mine.id(), "SECRET-unshared-case");
		found.cases().add(myHidden.toString());
		found.names().add("SECRET-unshared-case");
		found.documents().add(doc(owner, mine.id(), myHidden, DocumentVisibility.CLIENT, "SECRET-in-unshared-case.pdf", found));
		found.documents().add(doc(owner, mine.id(), myCase, DocumentVisibility.FIRM, "SECRET-firm-only.pdf", found));
		found.documents().add(doc(owner, mine.id(), null, DocumentVisibility.FIRM, "SECRET-firm-only-client-level.pdf", found));
		found.requests().add(request(owner, myHidden, "SECRET-request-in-unshared-case", found));
		found.notes().add(note(owner, mine.id(), myCase, "SECRET-unshared-note", false, found));
		found.notes().add(note(owner, mine.id(), myHidden, "SECRET-shared-note-in-unshared-case", true, found));
		var trashed = doc(owner, mine.id(), myCase, DocumentVisibility.CLIENT, "SECRET-trashed.pdf", found);
		documents.delete(owner, new io.atrium.document.DocumentId(java.util.UUID.fromString(trashed)));
		found.documents().add(trashed);

		// everything of a neighbour client of the same firm, all shared
		var neighbour = fixtures.client(firm, "Neighbour Inc");
		everything(owner, neighbour.id(), "NEIGHBOUR", found);

		// everything of a client of another firm, all shared
		var elsewhere = fixtures.aMember(PortalRole.OWNER);
		everything(elsewhere.firm().owner(), elsewhere.client().id(), "ELSEWHERE", found);
		forbidden = found;
	}

	private void everything(StaffPrincipal owner, ClientId client, String label, Forbidden found) {
		var theirCase = shared(owner, client, "SECRET-" + label + "-case");
		found.cases().add(theirCase.toString());
		found.names().add("SECRET-" + label + "-case");
		found.documents().add(doc(owner, client, theirCase, DocumentVisibility.CLIENT, "SECRET-" + label + "-doc.pdf", found));
		found.documents().add(doc(owner, client, null, DocumentVisibility.CLIENT, "SECRET-" + label + "-general.pdf", found));
		found.requests().add(request(owner, theirCase, "SECRET-" + label + "-request", found));
		found.notes().add(note(owner, client, theirCase, "SECRET-" + label + "-note", true, found));
		var conversation = messaging.start(owner, client, theirCase, "SECRET-" + label + "-conversation",
				"SECRET-" + label + "-message", List.of(pdf("SECRET-" + label + "-attachment.pdf")));
		found.conversations().add(conversation.toString());
		found.names().add("SECRET-" + label + "-conversation");
		found.names().add("SECRET-" + label + "-message");
		found.names().add("SECRET-" + label + "-attachment.pdf");
		messaging.open(owner, conversation).messages().forEach(m -> m.attachments()
			.forEach(a -> found.documents().add(a.id().toString())));
	}

	private EngagementId engagement(StaffPrincipal owner, ClientId client, String name) {
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		return engagements.open(owner, client, new EngagementDraft(name, type, "2025", null, null));
	}

	private EngagementId shared(StaffPrincipal owner, ClientId client, String name) {
		var id = engagement(owner, client, name);
		engagements.shareInPortal(owner, id, true);
		return id;
	}

	private String doc(StaffPrincipal owner, ClientId client, EngagementId engagement, DocumentVisibility visibility,
			String name, Forbidden found) {
		found.names().add(name);
		return documents.upload(owner, client, engagement, visibility, pdf(name)).id().toString();
	}

	private String request(StaffPrincipal owner, EngagementId engagement, String title, Forbidden found) {
		found.names().add(title);
		return documents.request(owner, engagement, title, "SECRET description", null).id().toString();
	}

	private String note(StaffPrincipal owner, ClientId client, EngagementId engagement, String text, boolean shared,
			Forbidden found) {
		found.names().add(text);
		return messaging.addNote(owner, client, engagement, text, shared).id().toString();
	}

	private static Upload pdf(String name) {
		return new Upload(name, new ByteArrayInputStream(PDF), PDF.length);
	}

	private long rows() {
		return jdbc.sql("select (select count(*) from document) + (select count(*) from document_version) + (select count(*) from message) + (select count(*) from document_request where status <> 'OPEN')")
			.query(Long.class)
			.single();
	}

	@Test
	void everyForbiddenIdAnswersNotFoundAndNothingIsWritten() {
		var http = visitor();
		PortalFixtures.signIn(http, me);
		http.get(me.path("/"));
		var before = rows();
		var refusals = new ArrayList<String>();

		for (var id : forbidden.documents()) {
			expect404(refusals, "download " + id, http.getBytes(me.path("/documents/" + id + "/download")).statusCode());
			expect404(refusals, "delete " + id, http.post(me.path("/documents/" + id + "/delete"), Map.of()).statusCode());
		}
		for (var id : forbidden.requests()) {
			expect404(refusals, "request page " + id, http.get(me.path("/requests/" + id)).statusCode());
			http.get(me.path("/"));
			expect404(refusals, "answer by upload " + id,
					http.upload(me.path("/requests/" + id + "/upload"), "w2.pdf", PDF).statusCode());
			expect404(refusals, "does not apply " + id,
					http.post(me.path("/requests/" + id + "/not-applicable"), Map.of("reason", "no")).statusCode());
		}
		for (var id : forbidden.conversations()) {
			expect404(refusals, "conversation " + id, http.get(me.path("/messages/" + id)).statusCode());
			http.get(me.path("/"));
			expect404(refusals, "reply " + id,
					http.post(me.path("/messages/" + id), Map.of("text", "let me in")).statusCode());
		}
		for (var id : forbidden.cases()) {
			expect404(refusals, "case " + id, http.get(me.path("/cases/" + id)).statusCode());
			expect404(refusals, "case documents " + id, http.get(me.path("/cases/" + id + "/documents")).statusCode());
			expect404(refusals, "case requests " + id, http.get(me.path("/cases/" + id + "/requests")).statusCode());
			expect404(refusals, "case notes " + id, http.get(me.path("/cases/" + id + "/notes")).statusCode());
			http.get(me.path("/"));
			expect404(refusals, "upload into case " + id,
					http.upload(me.path("/cases/" + id + "/documents"), "sneaky.pdf", PDF).statusCode());
		}
		assertThat(refusals).as("tries that were not answered 404").isEmpty();
		assertThat(rows()).as("rows written by refused tries").isEqualTo(before);
	}

	@Test
	void noPageListsAnythingTheContactMayNotSee() {
		var http = visitor();
		PortalFixtures.signIn(http, me);
		var pages = List.of("/", "/documents", "/messages", "/notes", "/cases/" + myCase,
				"/cases/" + myCase + "/documents", "/cases/" + myCase + "/requests", "/cases/" + myCase + "/notes");
		for (var page : pages) {
			var response = http.get(me.path(page));
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			for (var name : forbidden.names()) {
				assertThat(response.body()).as(page + " must not show " + name).doesNotContain(name);
			}
		}
		// what is shared is there
		assertThat(http.get(me.path("/cases/" + myCase + "/documents")).body()).contains("visible-to-me.pdf");
		assertThat(http.getBytes(me.path("/documents/" + myDocument + "/download")).statusCode()).isEqualTo(200);
	}

	@Test
	void aViewerSeesAndDownloadsButCannotUploadOrAnswer() {
		var http = visitor();
		PortalFixtures.signIn(http, viewer);
		assertThat(http.getBytes(viewer.path("/documents/" + myDocument + "/download")).statusCode()).isEqualTo(200);
		var before = rows();
		http.get(viewer.path("/cases/" + myCase));
		assertThat(http.upload(viewer.path("/cases/" + myCase + "/documents"), "mine.pdf", PDF).statusCode())
			.isEqualTo(403);
		assertThat(http.postMultipart(viewer.path("/cases/" + myCase + "/documents"), Map.of(),
				List.of(new TestHttp.FilePart("file", "mine.pdf", PDF))).statusCode()).isEqualTo(403);
		assertThat(http.post(viewer.path("/documents/" + myDocument + "/delete"), Map.of()).statusCode())
			.isIn(403, 404);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aPortalSessionOfOneFirmOpensNothingOfAnother() {
		var elsewhere = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		PortalFixtures.signIn(http, me);
		var response = http.get(elsewhere.path("/documents"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(PortalFixtures.location(response)).contains("/p/" + elsewhere.firm().slug() + "/signin");
	}

	private static void expect404(List<String> refusals, String what, int status) {
		if (status != 404) {
			refusals.add(what + " → " + status);
		}
	}
}

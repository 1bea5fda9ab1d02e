package io.atrium.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.TestHttp.FilePart;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalMembership;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientView;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.PortalItemShared;
import io.atrium.engagement.SharedItemKind;
import io.atrium.firm.FirmManagement;
import io.atrium.portal.PortalFixtures;
import io.atrium.portal.PortalFixtures.Member;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * Messaging end to end over real HTTP: staff and contacts writing to each other with unread markers on both sides,
 * "Send a request" about a shared case, files, notes shared in the portal, and who may reach what.
 */
@RecordApplicationEvents
class MessagingTests extends AtriumIntegrationTest {

	@Autowired
	StaffManagement staff;
	@Autowired
	FirmManagement firms;
	@Autowired
	ClientManagement clients;
	@Autowired
	PortalAccessManagement access;
	@Autowired
	EngagementManagement engagements;
	@Autowired
	Messaging messaging;
	@Autowired
	PortalMessaging portalMessaging;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationContext context;
	@Autowired
	ApplicationEvents events;

	PortalFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	@Test
	void aContactAndTheFirmWriteToEachOtherWithUnreadMarkersOnBothSides() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var owner = member.firm().owner();
		var shared = engagement(owner, member.client(), "2025 Form 1040", true);
		var contact = signedIn(member);

		contact.get(member.path("/messages/new"));
		var sent = contact.postMultipart(member.path("/messages/new"),
				Map.of("subject", "Question about my return", "engagementId", shared.toString(), "text",
						"Do you need my 1099s?"),
				List.of());
		assertThat(sent.statusCode()).isEqualTo(302);
		var threadPath = PortalFixtures.location(sent).replaceFirst("^https?://[^/]+", "");
		assertThat(threadPath).startsWith(member.path("/messages/"));
		var conversation = new ConversationId(java.util.UUID.fromString(threadPath.substring(threadPath.lastIndexOf('/') + 1)));
		assertThat(portalMessaging.unreadCount(member.firm().view().id(), membership(member))).isZero();

		assertThat(messaging.unreadCount(owner, member.client().id())).isEqualTo(1);
		var firmSide = staffSignedIn(owner);
		var tab = firmSide.get("/app/clients/" + member.client().id() + "/conversations");
		assertThat(tab.statusCode()).isEqualTo(200);
		assertThat(tab.body()).contains("Question about my return", "1 new", "2025 Form 1040", "Casey Contact");
		var fragment = firmSide.get("/app/clients/" + member.client().id() + "/conversations");
		assertThat(fragment.body()).contains("<html");

		var thread = firmSide.get("/app/conversations/" + conversation);
		assertThat(thread.statusCode()).isEqualTo(200);
		assertThat(thread.body()).contains("Do you need my 1099s?", "Casey Contact", "2025 Form 1040");
		assertThat(messaging.unreadCount(owner, member.client().id())).isZero();

		var reply = firmSide.postMultipart("/app/conversations/" + conversation + "/messages",
				Map.of("text", "Yes, please upload them."), List.of());
		assertThat(reply.statusCode()).isEqualTo(302);
		assertThat(portalMessaging.unreadCount(member.firm().view().id(), membership(member))).isEqualTo(1);
		assertThat(messaging.unreadCount(owner, member.client().id())).isZero();

		var list = contact.get(member.path("/messages"));
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Question about my return", "1 new", "unread");
		var contactThread = contact.get(threadPath);
		assertThat(contactThread.body()).contains("Yes, please upload them.", owner.name());
		assertThat(portalMessaging.unreadCount(member.firm().view().id(), membership(member))).isZero();
		assertThat(contact.get(member.path("/messages")).body()).doesNotContain("1 new");
	}

	@Test
	void everyMessageIsPublishedWithItsExcerpt() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var owner = member.firm().owner();
		var text = "x".repeat(300);
		var id = portalMessaging.sendRequest(member.firm().view().id(), membership(member), null, "Hello", text,
				List.of());
		messaging.reply(owner, id, "Hi back", List.of());
		var posted = events.stream(MessagePosted.class).filter(e -> e.conversation().equals(id)).toList();
		assertThat(posted).hasSize(2);
		assertThat(posted.get(0).opened()).isTrue();
		assertThat(posted.get(0).contact()).isEqualTo(member.contact().id());
		assertThat(posted.get(0).excerpt()).hasSizeLessThanOrEqualTo(200);
		assertThat(posted.get(1).opened()).isFalse();
		assertThat(posted.get(1).staff()).isEqualTo(owner.id());
		assertThat(posted.get(1).by()).isEqualTo(owner.name());
	}

	@Test
	void staffStartAConversationFromTheClientsMessagesTab() {
		var member = fixtures.aMember(PortalRole.VIEWER);
		var owner = member.firm().owner();
		var firmSide = staffSignedIn(owner);
		firmSide.get("/app/clients/" + member.client().id() + "/conversations");
		var started = firmSide.postMultipart("/app/clients/" + member.client().id() + "/conversations",
				Map.of("subject", "Your organizer", "engagementId", "", "text", "Please fill in the organizer."),
				List.of());
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(portalMessaging.unreadCount(member.firm().view().id(), membership(member))).isEqualTo(1);
		var contact = signedIn(member);
		assertThat(contact.get(member.path("/messages")).body()).contains("Your organizer");
	}

	@Test
	void filesComeWithAMessageAsDocumentsOfTheConversation() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var contact = signedIn(member);
		contact.get(member.path("/messages/new"));
		var sent = contact.postMultipart(member.path("/messages/new"),
				Map.of("subject", "My W-2", "text", "Attached."),
				List.of(new FilePart("files", "w2.pdf", "%PDF-1.4 test w2".getBytes())));
		assertThat(sent.statusCode()).isEqualTo(302);
		var thread = contact.get(PortalFixtures.location(sent).replaceFirst("^https?://[^/]+", ""));
		assertThat(thread.body()).contains("w2.pdf", member.path("/documents/"));
		var firmSide = staffSignedIn(member.firm().owner());
		var id = PortalFixtures.location(sent).substring(PortalFixtures.location(sent).lastIndexOf('/') + 1);
		assertThat(firmSide.get("/app/conversations/" + id).body()).contains("w2.pdf", "/app/documents/");
	}

	@Test
	void aViewerMayWriteButNotAttachFiles() {
		var member = fixtures.aMember(PortalRole.VIEWER);
		var contact = signedIn(member);
		contact.get(member.path("/messages/new"));
		var refused = contact.postMultipart(member.path("/messages/new"), Map.of("subject", "Files", "text", "Here"),
				List.of(new FilePart("files", "a.pdf", "%PDF-1.4 a".getBytes())));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(conversationsOf(member.client())).isZero();
		contact.get(member.path("/messages/new"));
		var allowed = contact.postMultipart(member.path("/messages/new"), Map.of("subject", "No files", "text", "Hi"),
				List.of());
		assertThat(allowed.statusCode()).isEqualTo(302);
		assertThat(conversationsOf(member.client())).isEqualTo(1);
	}

	@Test
	void badInputIsShownOnTheFormAndNothingIsWritten() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var contact = signedIn(member);
		contact.get(member.path("/messages/new"));
		var blank = contact.postMultipart(member.path("/messages/new"), Map.of("subject", "Kept subject", "text", "  "),
				List.of());
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(blank.body()).contains("Please write something.", "Kept subject");
		var tooLong = contact.postMultipart(member.path("/messages/new"),
				Map.of("subject", "Long", "text", "y".repeat(10_001)), List.of());
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("This is too long");
		var unknownCase = contact.postMultipart(member.path("/messages/new"),
				Map.of("subject", "Case", "text", "Hi", "engagementId", java.util.UUID.randomUUID().toString()),
				List.of());
		assertThat(unknownCase.statusCode()).isEqualTo(422);
		assertThat(unknownCase.body()).contains("Please pick one of the listed engagements.");
		var unshared = engagement(member.firm().owner(), member.client(), "Not shared", false);
		var notShared = contact.postMultipart(member.path("/messages/new"),
				Map.of("subject", "Case", "text", "Hi", "engagementId", unshared.toString()), List.of());
		assertThat(notShared.statusCode()).isEqualTo(422);
		assertThat(conversationsOf(member.client())).isZero();

		var firmSide = staffSignedIn(member.firm().owner());
		firmSide.get("/app/clients/" + member.client().id() + "/conversations");
		var staffBlank = firmSide.postMultipart("/app/clients/" + member.client().id() + "/conversations",
				Map.of("subject", "", "text", "Text kept"), List.of());
		assertThat(staffBlank.statusCode()).isEqualTo(422);
		assertThat(staffBlank.body()).contains("Please enter a subject.", "Text kept");
		var note = firmSide.post("/app/clients/" + member.client().id() + "/notes", Map.of("text", "z".repeat(5001)));
		assertThat(note.statusCode()).isEqualTo(422);
		assertThat(note.body()).contains("This is too long");
		assertThat(conversationsOf(member.client())).isZero();
		assertThat(jdbc.sql("select count(*) from note where client_id = :c")
			.param("c", member.client().id().value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aContactReachesOnlyTheirClientsConversationsAndSharedNotes() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var owner = member.firm().owner();
		var sameFirmOther = fixtures.client(member.firm(), "Other client");
		var otherFirmMember = fixtures.aMember(PortalRole.OWNER);

		var mine = messaging.start(owner, member.client().id(), null, "Mine", "For you", List.of());
		var neighbours = messaging.start(owner, sameFirmOther.id(), null, "Neighbour secret", "Not for you", List.of());
		var foreign = messaging.start(otherFirmMember.firm().owner(), otherFirmMember.client().id(), null,
				"Foreign secret", "Not for you", List.of());
		var neighbourCase = engagement(owner, sameFirmOther, "Neighbour case", true);
		var unsharedCase = engagement(owner, member.client(), "Internal case", false);
		var sharedCase = engagement(owner, member.client(), "Shared case", true);
		messaging.addNote(owner, member.client().id(), null, "Shared client note", true);
		messaging.addNote(owner, member.client().id(), null, "Internal client note", false);
		messaging.addNote(owner, member.client().id(), sharedCase, "Shared case note", true);
		messaging.addNote(owner, member.client().id(), sharedCase, "Unshared case note", false);
		messaging.addNote(owner, member.client().id(), unsharedCase, "Note on internal case", true);
		var neighbourNote = messaging.addNote(owner, sameFirmOther.id(), neighbourCase, "Neighbour note", true);

		var contact = signedIn(member);
		var list = contact.get(member.path("/messages"));
		assertThat(list.body()).contains("Mine").doesNotContain("Neighbour secret", "Foreign secret");
		assertThat(contact.get(member.path("/messages/" + mine)).statusCode()).isEqualTo(200);
		assertThat(contact.get(member.path("/messages/" + neighbours)).statusCode()).isEqualTo(404);
		assertThat(contact.get(member.path("/messages/" + foreign)).statusCode()).isEqualTo(404);
		assertThat(contact.get(member.path("/messages/not-a-uuid")).statusCode()).isEqualTo(404);
		contact.get(member.path("/messages/" + mine));
		assertThat(contact.postMultipart(member.path("/messages/" + neighbours), Map.of("text", "Hi"), List.of())
			.statusCode()).isEqualTo(404);
		assertThat(contact.postMultipart(member.path("/messages/" + foreign), Map.of("text", "Hi"), List.of())
			.statusCode()).isEqualTo(404);

		var clientNotes = contact.get(member.path("/notes"));
		assertThat(clientNotes.statusCode()).isEqualTo(200);
		assertThat(clientNotes.body()).contains("Shared client note")
			.doesNotContain("Internal client note", "Neighbour note", "Shared case note");
		var caseNotes = contact.get(member.path("/cases/" + sharedCase + "/notes"));
		assertThat(caseNotes.statusCode()).isEqualTo(200);
		assertThat(caseNotes.body()).contains("Shared case note").doesNotContain("Unshared case note");
		assertThat(contact.get(member.path("/cases/" + unsharedCase + "/notes")).statusCode()).isEqualTo(404);
		assertThat(contact.get(member.path("/cases/" + neighbourCase + "/notes")).statusCode()).isEqualTo(404);
		assertThat(contact.get(member.path("/cases/" + neighbourNote.id() + "/notes")).statusCode()).isEqualTo(404);
	}

	@Test
	void sharingANoteTellsThePortalAndOnlyItsAuthorOrAnAdminManagesIt() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var owner = member.firm().owner();
		var colleague = StaffFixtures.aColleague(context, owner, FirmRole.ADMIN);
		var firmSide = staffSignedIn(owner);
		firmSide.get("/app/clients/" + member.client().id() + "/notes");
		var added = firmSide.post("/app/clients/" + member.client().id() + "/notes",
				Map.of("text", "Remember the deadline\nsecond line", "shared", "true"));
		assertThat(added.statusCode()).isEqualTo(302);
		var shared = events.stream(PortalItemShared.class).filter(e -> e.kind() == SharedItemKind.NOTE).toList();
		// the HTTP request ran on another thread; the facade call below is recorded here
		var note = messaging.addNote(owner, member.client().id(), null, "Second note", false);
		assertThat(events.stream(PortalItemShared.class).count()).isEqualTo(shared.size());
		messaging.shareNote(colleague, note.id(), true);
		var published = events.stream(PortalItemShared.class).filter(e -> e.item().equals(note.id().value())).toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).title()).isEqualTo("Second note");

		var tab = firmSide.get("/app/clients/" + member.client().id() + "/notes");
		assertThat(tab.body()).contains("Remember the deadline", "Second note", "Shared in portal");
		assertThat(signedIn(member).get(member.path("/notes")).body()).contains("Remember the deadline",
				"Second note");

		var member2 = StaffFixtures.aColleague(context, owner, FirmRole.MEMBER);
		var deleted = firmSide.post("/app/notes/" + note.id() + "/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(firmSide.get("/app/clients/" + member.client().id() + "/notes").body()).doesNotContain("Second note");
		var other = staffSignedIn(member2);
		other.get("/app");
		assertThat(other.post("/app/notes/" + note.id() + "/delete", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void aStaffMemberWhoCannotSeeTheClientGetsNotFound() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var owner = member.firm().owner();
		var conversation = messaging.start(owner, member.client().id(), null, "Private", "Text", List.of());
		var note = messaging.addNote(owner, member.client().id(), null, "Private note", false);
		var outsider = StaffFixtures.aColleague(context, owner, FirmRole.MEMBER);
		var http = staffSignedIn(outsider);
		assertThat(http.get("/app/clients/" + member.client().id() + "/conversations").statusCode()).isEqualTo(404);
		assertThat(http.get("/app/conversations/" + conversation).statusCode()).isEqualTo(404);
		assertThat(http.get("/app/clients/" + member.client().id() + "/notes").statusCode()).isEqualTo(404);
		http.get("/app");
		assertThat(http.postMultipart("/app/conversations/" + conversation + "/messages", Map.of("text", "x"),
				List.of()).statusCode()).isEqualTo(404);
		assertThat(http.post("/app/notes/" + note.id() + "/share", Map.of("shared", "true")).statusCode())
			.isEqualTo(404);
		var otherFirm = fixtures.aFirm();
		var foreigner = staffSignedIn(otherFirm.owner());
		assertThat(foreigner.get("/app/conversations/" + conversation).statusCode()).isEqualTo(404);
		assertThat(foreigner.get("/app/conversations/nonsense").statusCode()).isEqualTo(404);
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		for (var path : List.of("/messages", "/messages/new", "/notes",
				"/messages/" + java.util.UUID.randomUUID())) {
			var response = visitor().get(member.path(path));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(PortalFixtures.location(response)).endsWith(member.path("/signin"));
		}
	}

	private TestHttp signedIn(Member member) {
		var http = visitor();
		assertThat(PortalFixtures.signIn(http, member).statusCode()).isEqualTo(302);
		return http;
	}

	private TestHttp staffSignedIn(StaffPrincipal who) {
		var http = visitor();
		assertThat(http.signIn(who.email(), StaffFixtures.PASSWORD).statusCode()).isEqualTo(302);
		return http;
	}

	private static PortalMembership membership(Member member) {
		return new PortalMembership(member.client().id(), member.client().name(), member.contact().id(),
				member.contact().name(), PortalRole.EDITOR);
	}

	private EngagementId engagement(StaffPrincipal owner, ClientView client, String name, boolean shared) {
		var list = engagements.engagements(owner, client.id());
		var id = engagements.open(owner, client.id(),
				new EngagementDraft(name, list.types().get(0).id(), null, null, null));
		if (shared) {
			engagements.shareInPortal(owner, id, true);
		}
		return id;
	}

	private int conversationsOf(ClientView client) {
		return jdbc.sql("select count(*) from conversation where client_id = :c")
			.param("c", client.id().value())
			.query(Integer.class)
			.single();
	}
}

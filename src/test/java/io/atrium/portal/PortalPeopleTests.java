package io.atrium.portal;

import static io.atrium.portal.PortalFixtures.location;
import static io.atrium.portal.PortalFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.TestMail;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalAccessStatus;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;

/** The Owner's People page: invite the client's other contacts, change roles, remove access; never the last Owner. */
class PortalPeopleTests extends AtriumIntegrationTest {

	private final PortalAccessManagement access;
	private final PortalFixtures fixtures;

	@Autowired
	PortalPeopleTests(StaffManagement staff, FirmManagement firms, ClientManagement clients, PortalAccessManagement access) {
		this.access = access;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	private TestHttp signedIn(PortalFixtures.Member member) {
		var http = visitor();
		assertThat(location(signIn(http, member))).endsWith(member.path("/"));
		return http;
	}

	@Test
	void anOwnerInvitesABookkeeperAsEditor() {
		var owner = fixtures.aMember(PortalRole.OWNER);
		var bookkeeperEmail = StaffFixtures.uniqueEmail("bookkeeper");
		var bookkeeper = fixtures.contact(owner.firm(), owner.client(), "Bea Bookkeeper", bookkeeperEmail);
		var http = signedIn(owner);
		var page = http.get(owner.path("/people"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Bea Bookkeeper").contains("No portal access").contains("Casey Contact");

		var invited = http.post(owner.path("/people/invite"), Map.of("contact", bookkeeper.id().toString(), "role",
				"EDITOR", "note", "Hi Bea, please upload the bank statements."));
		assertThat(location(invited)).endsWith(owner.path("/people"));
		var after = http.get(owner.path("/people"));
		assertThat(after.body()).contains("An invitation was sent to Bea Bookkeeper.").contains("Invited");
		assertThat(access.access(owner.firm().owner(), owner.client().id(), bookkeeper.id()).role())
			.isEqualTo(PortalRole.EDITOR);

		var mails = TestMail.awaitMessages(bookkeeperEmail, 1, Duration.ofSeconds(15));
		assertThat(mails).hasSize(1);
		assertThat(TestMail.text(mails.get(0))).contains("Hi Bea, please upload the bank statements.");
		var link = TestMail.link(mails.get(0), "/p/");
		var bea = visitor();
		bea.get(link);
		var accepted = bea.post(link, Map.of("password", "ledger lantern oak", "confirm", "ledger lantern oak"));
		assertThat(location(accepted)).contains(owner.path("/"));
		var home = bea.get(owner.path("/"));
		assertThat(home.body()).contains("Welcome, Bea Bookkeeper").contains("Editor");
		assertThat(bea.get(owner.path("/people")).statusCode()).isEqualTo(403);
	}

	@Test
	void theLastOwnerCanBeNeitherRemovedNorDemoted() {
		var owner = fixtures.aMember(PortalRole.OWNER);
		var http = signedIn(owner);
		http.get(owner.path("/people"));
		var id = owner.contact().id().toString();
		var remove = http.post(owner.path("/people/" + id + "/remove"), Map.of());
		assertThat(remove.statusCode()).isEqualTo(422);
		assertThat(remove.body()).contains("class=\"problem\"");
		var demote = http.post(owner.path("/people/" + id + "/role"), Map.of("role", "VIEWER"));
		assertThat(demote.statusCode()).isEqualTo(422);
		assertThat(access.access(owner.firm().owner(), owner.client().id(), owner.contact().id()).role())
			.isEqualTo(PortalRole.OWNER);
		assertThat(http.get(owner.path("/")).statusCode()).as("still signed in").isEqualTo(200);
	}

	@Test
	void anOwnerChangesRolesAndRemovesAccessOfOthers() {
		var owner = fixtures.aMember(PortalRole.OWNER);
		var editor = fixtures.member(owner.firm(), owner.client(), "Eddie Editor",
				StaffFixtures.uniqueEmail("editor"), PortalRole.EDITOR);
		var editorSession = signedIn(editor);
		var http = signedIn(owner);
		http.get(owner.path("/people"));

		var promoted = http.post(owner.path("/people/" + editor.contact().id() + "/role"), Map.of("role", "OWNER"));
		assertThat(location(promoted)).endsWith(owner.path("/people"));
		assertThat(http.get(owner.path("/people")).body()).contains("Eddie Editor&#39;s role is now Owner.");
		assertThat(editorSession.get(owner.path("/people")).statusCode()).as("applies at once").isEqualTo(200);

		var viewer = http.post(owner.path("/people/" + editor.contact().id() + "/role"), Map.of("role", "VIEWER"));
		assertThat(location(viewer)).endsWith(owner.path("/people"));
		http.get(owner.path("/people"));
		var removed = http.post(owner.path("/people/" + editor.contact().id() + "/remove"), Map.of());
		assertThat(location(removed)).endsWith(owner.path("/people"));
		assertThat(access.access(owner.firm().owner(), owner.client().id(), editor.contact().id()).status())
			.isEqualTo(PortalAccessStatus.NO_ACCESS);
		assertThat(location(editorSession.get(owner.path("/")))).endsWith(owner.path("/signin?ended"));
	}

	@Test
	void rolesOtherThanOwnerAreRefused() {
		for (var role : new PortalRole[] { PortalRole.EDITOR, PortalRole.VIEWER, PortalRole.SIGNER }) {
			var member = fixtures.aMember(role);
			var other = fixtures.contact(member.firm(), member.client(), "Olga Other", StaffFixtures.uniqueEmail("o"));
			var http = signedIn(member);
			var page = http.get(member.path("/people"));
			assertThat(page.statusCode()).as(role.name()).isEqualTo(403);
			assertThat(page.body()).contains("Not available with your role");
			http.get(member.path("/"));
			assertThat(http.post(member.path("/people/invite"),
					Map.of("contact", other.id().toString(), "role", "OWNER")).statusCode()).isEqualTo(403);
			assertThat(http.post(member.path("/people/" + member.contact().id() + "/role"), Map.of("role", "OWNER"))
				.statusCode()).as("no raising oneself").isEqualTo(403);
			assertThat(access.access(member.firm().owner(), member.client().id(), other.id()).status())
				.isEqualTo(PortalAccessStatus.NO_ACCESS);
		}
	}

	@Test
	void badInputOnThePeoplePageGetsClearMessages() {
		var owner = fixtures.aMember(PortalRole.OWNER);
		var contact = fixtures.contact(owner.firm(), owner.client(), "Nina Note", StaffFixtures.uniqueEmail("nina"));
		var noEmail = fixtures.contact(owner.firm(), owner.client(), "Ned NoEmail", null);
		var elsewhere = fixtures.aMember(PortalRole.OWNER);
		var http = signedIn(owner);
		http.get(owner.path("/people"));

		var noContact = http.post(owner.path("/people/invite"), Map.of("role", "EDITOR"));
		assertThat(noContact.statusCode()).isEqualTo(422);
		assertThat(noContact.body()).contains("Choose a person.");

		var unknownRole = http.post(owner.path("/people/invite"),
				Map.of("contact", contact.id().toString(), "role", "SUPERUSER"));
		assertThat(unknownRole.statusCode()).isEqualTo(422);
		assertThat(unknownRole.body()).contains("Choose one of the roles in the list.");

		var hugeNote = "x".repeat(100 * 1024);
		var tooLong = http.post(owner.path("/people/invite"),
				Map.of("contact", contact.id().toString(), "role", "EDITOR", "note", hugeNote));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("Keep the note to 1,000 characters or fewer.").doesNotContain(hugeNote);

		var foreign = http.post(owner.path("/people/invite"),
				Map.of("contact", elsewhere.contact().id().toString(), "role", "EDITOR"));
		assertThat(foreign.statusCode()).isEqualTo(422);
		assertThat(foreign.body()).contains("not one of this client");

		var random = http.post(owner.path("/people/invite"),
				Map.of("contact", UUID.randomUUID().toString(), "role", "EDITOR"));
		assertThat(random.statusCode()).isEqualTo(422);

		var withoutEmail = http.post(owner.path("/people/invite"),
				Map.of("contact", noEmail.id().toString(), "role", "EDITOR"));
		assertThat(withoutEmail.statusCode()).isEqualTo(422);

		var badRole = http.post(owner.path("/people/" + contact.id() + "/role"), Map.of("role", "GOD"));
		assertThat(badRole.statusCode()).isEqualTo(422);
		assertThat(http.post(owner.path("/people/not-a-uuid/remove"), Map.of()).statusCode()).isEqualTo(404);
		assertThat(http.post(owner.path("/people/" + elsewhere.contact().id() + "/remove"), Map.of()).statusCode())
			.isIn(404, 422);
		assertThat(access.access(elsewhere.firm().owner(), elsewhere.client().id(), elsewhere.contact().id()).status())
			.isEqualTo(PortalAccessStatus.ENABLED);
		assertThat(access.access(owner.firm().owner(), owner.client().id(), contact.id()).status())
			.isEqualTo(PortalAccessStatus.NO_ACCESS);
	}

	@Test
	void anotherFirmsSlugDoesNotOpenThePeoplePage() {
		var owner = fixtures.aMember(PortalRole.OWNER);
		var other = fixtures.aFirm();
		var http = signedIn(owner);
		assertThat(location(http.get(other.path("/people")))).endsWith(other.path("/signin"));
		http.get(owner.path("/people"));
		assertThat(location(http.post(other.path("/people/invite"), Map.of("contact", owner.contact().id().toString(),
				"role", "OWNER")))).endsWith(other.path("/signin"));
	}
}

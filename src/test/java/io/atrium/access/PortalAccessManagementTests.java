package io.atrium.access;

import static io.atrium.access.AccessFixtures.CONTACT_PASSWORD;
import static io.atrium.access.AccessFixtures.aClientWithContact;
import static io.atrium.access.AccessFixtures.aContact;
import static io.atrium.access.AccessFixtures.anEnabledContact;
import static io.atrium.access.AccessFixtures.invitationToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientFixtures;
import io.atrium.client.ClientManagement;
import io.atrium.client.NewContact;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** The firm side of portal access, sessions as the contact side sees them, and who may do what. */
@RecordApplicationEvents
class PortalAccessManagementTests extends AtriumIntegrationTest {

	private final PortalAccessManagement access;
	private final ClientManagement clients;
	private final StaffManagement staff;
	private final FirmManagement firms;
	private final ApplicationContext context;
	private final JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	PortalAccessManagementTests(PortalAccessManagement access, ClientManagement clients,
			StaffManagement staff, FirmManagement firms, ApplicationContext context, JdbcClient jdbc) {
		this.access = access;
		this.clients = clients;
		this.staff = staff;
		this.firms = firms;
		this.context = context;
		this.jdbc = jdbc;
	}

	StaffPrincipal owner;
	String slug;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		slug = firms.get(owner.firm()).slug();
	}

	// ------------------------------------------------------------------ live sessions

	@Test
	void aRoleChangeAppliesToTheNextRequest() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		access.changeRole(owner, c.client(), c.contact(), PortalRole.VIEWER);
		assertThat(access.current(session.identity(), owner.firm()).orElseThrow().memberships())
			.singleElement().extracting(PortalMembership::role).isEqualTo(PortalRole.VIEWER);
		assertThat(access.membership(session.identity(), c.contact())).get()
			.extracting(PortalMembership::role).isEqualTo(PortalRole.VIEWER);

		access.changeRole(owner, c.client(), c.contact(), PortalRole.NOTIFY_ONLY);
		assertThat(access.current(session.identity(), owner.firm())).as("Notify-only never signs in").isEmpty();
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).isEmpty();
	}

	@Test
	void revokingEndsLiveSessionsAndReenablingRestoresThem() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.EDITOR, slug);
		access.revoke(owner, c.client(), c.contact());
		assertThat(access.current(session.identity(), owner.firm())).isEmpty();
		assertThat(access.membership(session.identity(), c.contact())).isEmpty();
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).isEmpty();
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.DISABLED);

		access.reenable(owner, c.client(), c.contact());
		assertThat(access.current(session.identity(), owner.firm())).isPresent();
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).isPresent();
	}

	@Test
	void removingAccessKeepsTheContactAndAllowsANewInvitation() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		access.remove(owner, c.client(), c.contact());
		assertThat(access.current(session.identity(), owner.firm())).isEmpty();
		assertThat(clients.contact(owner, c.client(), c.contact()).email()).isEqualTo(c.email());
		var view = access.access(owner, c.client(), c.contact());
		assertThat(view.status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
		assertThat(view.role()).isNull();

		access.invite(owner, c.client(), c.contact(), PortalRole.SIGNER, null);
		var again = access.acceptInvitation(slug, invitationToken(events, c.contact()), "a new password here");
		assertThat(again.identity()).as("the same person, the same identity").isEqualTo(session.identity());
	}

	@Test
	void removingAccessRetiresAPendingInvitation() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());
		access.remove(owner, c.client(), c.contact());
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isNotEqualTo(LinkCheck.VALID);
		assertThatThrownBy(() -> access.acceptInvitation(slug, token, CONTACT_PASSWORD))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void deletingTheContactEndsTheirAccess() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		access.deleteContact(owner, c.client(), c.contact());
		assertThat(access.current(session.identity(), owner.firm())).isEmpty();
		assertThatThrownBy(() -> clients.contact(owner, c.client(), c.contact())).isInstanceOf(NotFoundException.class);
		assertThat(events.stream(PortalAccessRemoved.class).filter(e -> e.contact().equals(c.contact())))
			.singleElement().extracting(PortalAccessRemoved::reason).isEqualTo("contact-deleted");
	}

	@Test
	void deletingTheContactOnTheContactsTabEndsTheirAccessToo() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		clients.deleteContact(owner, c.client(), c.contact());
		assertThat(access.current(session.identity(), owner.firm())).isEmpty();
	}

	@Test
	void changingTheContactsEmailEndsTheAccessOfTheOldAddress() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		clients.updateContact(owner, c.client(), c.contact(), new NewContact("Jordan Renamed", c.email(), null, null));
		assertThat(access.current(session.identity(), owner.firm()).orElseThrow().memberships().get(0).contactName())
			.isEqualTo("Jordan Renamed");

		var newEmail = StaffFixtures.uniqueEmail("new");
		clients.updateContact(owner, c.client(), c.contact(), new NewContact("Jordan Renamed", newEmail, null, null));
		assertThat(access.current(session.identity(), owner.firm())).isEmpty();
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
	}

	@Test
	void aRenamedClientIsRenamedInTheSession() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		clients.update(owner, c.client(), ClientFixtures.anIndividual("Renamed Client"));
		assertThat(access.current(session.identity(), owner.firm()).orElseThrow().memberships().get(0).clientName())
			.isEqualTo("Renamed Client");
	}

	// ------------------------------------------------------------------ identities

	@Test
	void oneAddressIsOneIdentityAcrossClientsAndSpouses() {
		var email = StaffFixtures.uniqueEmail("shared");
		var couple = clients.create(owner, ClientFixtures.anIndividual("Maria & Luis " + email)).id();
		var maria = aContact(clients, owner, couple, "Maria", email);
		var luis = aContact(clients, owner, couple, "Luis", email);
		var business = clients.create(owner, ClientFixtures.aBusiness("Garcia LLC " + email)).id();
		var mariaAtWork = aContact(clients, owner, business, "Maria Garcia", email);

		access.invite(owner, couple, maria, PortalRole.OWNER, null);
		var session = access.acceptInvitation(slug, invitationToken(events, maria), CONTACT_PASSWORD);
		assertThat(session.memberships()).hasSize(1);
		access.invite(owner, couple, luis, PortalRole.SIGNER, null);
		access.acceptInvitation(slug, invitationToken(events, luis), CONTACT_PASSWORD);
		access.invite(owner, business, mariaAtWork, PortalRole.EDITOR, null);
		access.acceptInvitation(slug, invitationToken(events, mariaAtWork), CONTACT_PASSWORD);

		var now = access.current(session.identity(), owner.firm()).orElseThrow();
		assertThat(now.memberships()).hasSize(3);
		assertThat(now.clients()).containsExactlyInAnyOrder(couple, business);
		assertThat(now.memberships(couple)).extracting(PortalMembership::contact).containsExactlyInAnyOrder(maria, luis);
		assertThat(now.membership(luis)).get().extracting(PortalMembership::role).isEqualTo(PortalRole.SIGNER);
		assertThat(access.signIn(slug, email, CONTACT_PASSWORD)).get()
			.extracting(s -> s.memberships().size()).isEqualTo(3);
	}

	@Test
	void otherFirmsListsWhereTheAddressCanSignIn() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		var other = StaffFixtures.aFirmWithOwner(staff);
		var otherSlug = firms.get(other.firm()).slug();
		var atOther = clients.create(other, ClientFixtures.anIndividual("Elsewhere")).id();
		var contactThere = aContact(clients, other, atOther, "Jordan", c.email());
		var third = StaffFixtures.aFirmWithOwner(staff);
		var atThird = clients.create(third, ClientFixtures.anIndividual("Notify")).id();
		access.invite(third, atThird, aContact(clients, third, atThird, "Jordan", c.email()), PortalRole.NOTIFY_ONLY, null);

		assertThat(access.otherFirmsOf(c.email(), owner.firm())).isEmpty();
		access.invite(other, atOther, contactThere, PortalRole.VIEWER, null);
		assertThat(access.otherFirmsOf(c.email(), owner.firm())).as("invited is not yet access").isEmpty();
		access.acceptInvitation(otherSlug, invitationToken(events, contactThere), "another password!");
		assertThat(access.otherFirmsOf(c.email(), owner.firm()))
			.containsExactly(new PortalFirm(otherSlug, firms.get(other.firm()).name()));
		assertThat(access.otherFirmsOf(c.email().toUpperCase(), other.firm()))
			.extracting(PortalFirm::slug).containsExactly(slug);
	}

	// ------------------------------------------------------------------ Notify-only, generated passwords

	@Test
	void notifyOnlyContactsGetAccessWithoutCredentialsOrLinks() {
		var c = aClientWithContact(clients, owner);
		var sent = events.stream(PortalInvitationSent.class).count();
		var view = access.invite(owner, c.client(), c.contact(), PortalRole.NOTIFY_ONLY, "FYI");
		assertThat(view.status()).isEqualTo(PortalAccessStatus.ENABLED);
		assertThat(view.role()).isEqualTo(PortalRole.NOTIFY_ONLY);
		assertThat(events.stream(PortalInvitationSent.class).count()).isEqualTo(sent);
		assertThat(events.stream(PortalAccessEnabled.class).filter(e -> e.contact().equals(c.contact()))).hasSize(1);

		var links = events.stream(PortalMagicLinkRequested.class).count();
		access.requestMagicLink(slug, c.email());
		access.requestPasswordReset(slug, c.email());
		assertThat(events.stream(PortalMagicLinkRequested.class).count()).isEqualTo(links);
		assertThat(events.stream(PortalPasswordResetRequested.class).filter(e -> e.email().equals(c.email()))).isEmpty();
		assertThatThrownBy(() -> access.enableWithGeneratedPassword(owner, c.client(), c.contact(), PortalRole.NOTIFY_ONLY))
			.isInstanceOf(InvalidRequestException.class).hasMessage("portal.role.no-sign-in");
		assertThatThrownBy(() -> access.resendInvitation(owner, c.client(), c.contact()))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aPendingInvitationTurnedNotifyOnlyCanNoLongerBeAccepted() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());
		access.changeRole(owner, c.client(), c.contact(), PortalRole.NOTIFY_ONLY);
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.ENABLED);
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isNotEqualTo(LinkCheck.VALID);
	}

	@Test
	void aNotifyOnlyContactMadeEditorIsSentALinkToSetAPassword() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.NOTIFY_ONLY, null);
		access.changeRole(owner, c.client(), c.contact(), PortalRole.EDITOR);
		var view = access.access(owner, c.client(), c.contact());
		assertThat(view.status()).isEqualTo(PortalAccessStatus.ENABLED);
		assertThat(view.passwordSet()).isFalse();

		access.resendInvitation(owner, c.client(), c.contact());
		var token = invitationToken(events, c.contact());
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
		var session = access.acceptInvitation(slug, token, CONTACT_PASSWORD);
		assertThat(session.memberships()).singleElement().extracting(PortalMembership::role).isEqualTo(PortalRole.EDITOR);
		assertThatThrownBy(() -> access.resendInvitation(owner, c.client(), c.contact()))
			.as("nothing pending once a password is set").isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aGeneratedPasswordSignsInAndAResetReplacesIt() {
		var c = aClientWithContact(clients, owner);
		var password = access.enableWithGeneratedPassword(owner, c.client(), c.contact(), PortalRole.EDITOR);
		assertThat(password).matches("[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}").doesNotContainPattern("[01lIoO]");
		var view = access.access(owner, c.client(), c.contact());
		assertThat(view.status()).isEqualTo(PortalAccessStatus.ENABLED);
		assertThat(view.role()).isEqualTo(PortalRole.EDITOR);
		assertThat(view.passwordSet()).isTrue();
		var session = access.signIn(slug, c.email(), password).orElseThrow();

		var second = access.resetPassword(owner, c.client(), c.contact());
		assertThat(second).isNotEqualTo(password);
		assertThat(access.signIn(slug, c.email(), password)).isEmpty();
		var after = access.signIn(slug, c.email(), second).orElseThrow();
		assertThat(after.credentialsVersion()).as("older sessions can tell").isNotEqualTo(session.credentialsVersion());
		assertThat(access.access(owner, c.client(), c.contact()).lastSignInAt()).isNotNull();

		// never stored or recorded in plain text
		for (var secret : new String[] { password, second }) {
			assertThat(jdbc.sql("select count(*) from audit_event where summary like :s").param("s", "%" + secret + "%")
				.query(Integer.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from outbox_email where text_body like :s or html_body like :s")
				.param("s", "%" + secret + "%").query(Integer.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from portal_identity where password_hash like :s")
				.param("s", "%" + secret + "%").query(Integer.class).single()).isZero();
		}
		assertThat(events.stream(PortalPasswordGenerated.class).map(Object::toString))
			.noneMatch(s -> s.contains(password) || s.contains(second));
	}

	@Test
	void aGeneratedPasswordEnablesAPendingInvitationAndRetiresItsLink() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.SIGNER, null);
		var token = invitationToken(events, c.contact());
		var password = access.enableWithGeneratedPassword(owner, c.client(), c.contact(), null);
		assertThat(access.access(owner, c.client(), c.contact()).role()).isEqualTo(PortalRole.SIGNER);
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.USED);
		assertThat(access.signIn(slug, c.email(), password)).isPresent();
	}

	// ------------------------------------------------------------------ sign-in

	@Test
	void unknownAndKnownAddressesGetTheSameAnswer() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		var invited = aClientWithContact(clients, owner);
		access.invite(owner, invited.client(), invited.contact(), PortalRole.OWNER, null);

		assertThat(access.signIn(slug, c.email(), "wrong password")).isEmpty();
		assertThat(access.signIn(slug, "nobody-" + c.email(), "wrong password")).isEmpty();
		assertThat(access.signIn(slug, invited.email(), "wrong password")).isEmpty();
		assertThat(access.signIn("no-such-firm", c.email(), CONTACT_PASSWORD)).isEmpty();
		assertThat(access.signIn(slug, null, null)).isEmpty();
		assertThat(access.signIn(slug, "x".repeat(100_000), "y".repeat(100_000))).isEmpty();

		var links = events.stream(PortalMagicLinkRequested.class).count();
		access.requestMagicLink(slug, "nobody-" + c.email());
		access.requestMagicLink(slug, invited.email());
		access.requestMagicLink("no-such-firm", c.email());
		access.requestMagicLink(slug, null);
		assertThat(events.stream(PortalMagicLinkRequested.class).count()).isEqualTo(links);
		access.requestMagicLink(slug, c.email());
		assertThat(events.stream(PortalMagicLinkRequested.class).count()).isEqualTo(links + 1);
	}

	@Test
	void unknownAndKnownAddressesTakeAboutTheSameTime() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		access.signIn(slug, c.email(), "warm up");
		access.signIn(slug, "nobody-" + c.email(), "warm up");
		long known = 0;
		long unknown = 0;
		for (int i = 0; i < 3; i++) {
			clock.advance(Duration.ofMinutes(20)); // past any lock
			var start = System.nanoTime();
			access.signIn(slug, c.email(), "wrong password " + i);
			known += System.nanoTime() - start;
			start = System.nanoTime();
			access.signIn(slug, "nobody-" + i + c.email(), "wrong password " + i);
			unknown += System.nanoTime() - start;
		}
		// both spend one Argon2 hash; an unknown address must not answer in a fraction of the time
		assertThat((double) unknown / known).isBetween(0.5, 2.0);
	}

	@Test
	void repeatedWrongPasswordsLockTheIdentityForAWhile() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		for (int i = 0; i < 5; i++) {
			assertThat(access.signIn(slug, c.email(), "wrong " + i)).isEmpty();
		}
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).as("locked").isEmpty();
		access.requestMagicLink(slug, c.email());
		assertThat(access.consumeMagicLink(slug, AccessFixtures.magicLinkToken(events, c.email())))
			.as("an emailed link still works").isPresent();
		clock.advance(Duration.ofMinutes(16));
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).isPresent();
	}

	@Test
	void wrongPasswordsRacingOnOneIdentityAreAllCounted() throws Exception {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			var attempts = new java.util.ArrayList<java.util.concurrent.Future<?>>();
			for (int i = 0; i < 6; i++) {
				var guess = "wrong guess " + i;
				attempts.add(pool.submit(() -> access.signIn(slug, c.email(), guess)));
			}
			for (var attempt : attempts) {
				attempt.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).as("locked").isEmpty();
	}

	// ------------------------------------------------------------------ bad input

	@Test
	void refusesAccessForAContactWithoutEmail() {
		var client = clients.create(owner, ClientFixtures.anIndividual("No email")).id();
		var contact = aContact(clients, owner, client, "Pat", null);
		assertThatThrownBy(() -> access.invite(owner, client, contact, PortalRole.OWNER, null))
			.isInstanceOf(InvalidRequestException.class).hasMessage("contact.email.required");
		assertThatThrownBy(() -> access.enableWithGeneratedPassword(owner, client, contact, PortalRole.OWNER))
			.isInstanceOf(InvalidRequestException.class).hasMessage("contact.email.required");
		assertThat(access.contacts(owner, client, null, null)).singleElement().satisfies(v -> {
			assertThat(v.hasEmail()).isFalse();
			assertThat(v.status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
		});
	}

	@Test
	void refusesAMissingRoleAndAnOverlongNote() {
		var c = aClientWithContact(clients, owner);
		assertThatThrownBy(() -> access.invite(owner, c.client(), c.contact(), null, null))
			.isInstanceOf(InvalidRequestException.class).hasMessage("portal.role.unknown");
		assertThatThrownBy(() -> access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, "x".repeat(100 * 1024)))
			.isInstanceOf(InvalidRequestException.class).hasMessage("portal.note.too-long");
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, "y".repeat(1000));
		assertThat(events.stream(PortalInvitationSent.class).filter(e -> e.contact().equals(c.contact())))
			.singleElement().extracting(PortalInvitationSent::note).isEqualTo("y".repeat(1000));
	}

	@Test
	void refusesInvitingAContactWhoAlreadyHasAccess() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		assertThatThrownBy(() -> access.invite(owner, c.client(), c.contact(), PortalRole.EDITOR, null))
			.isInstanceOf(InvalidRequestException.class).hasMessage("portal.invite.has-access");
		assertThatThrownBy(() -> access.reenable(owner, c.client(), c.contact()))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void refusesSettingsOutOfRange() {
		var bad = new PortalSettings[] { new PortalSettings(SignInMethods.BOTH, 0, 7, 30),
				new PortalSettings(SignInMethods.BOTH, 721, 7, 30), new PortalSettings(SignInMethods.BOTH, 48, 0, 30),
				new PortalSettings(SignInMethods.BOTH, 48, 31, 30), new PortalSettings(SignInMethods.BOTH, 48, 7, 4),
				new PortalSettings(SignInMethods.BOTH, 48, 7, 721), new PortalSettings(null, 48, 7, 30),
				new PortalSettings(SignInMethods.BOTH, -1, -1, -1) };
		for (var settings : bad) {
			assertThatThrownBy(() -> access.updateSettings(owner, settings)).as(settings.toString())
				.isInstanceOf(InvalidRequestException.class);
		}
		assertThat(access.settings(owner.firm())).isEqualTo(PortalSettings.DEFAULTS);
		var good = new PortalSettings(SignInMethods.PASSWORD, 720, 30, 5);
		access.updateSettings(owner, good);
		assertThat(access.settings(owner.firm())).isEqualTo(good);
	}

	@Test
	void settingsThatDecideAreReadAsStoredNotAsRemembered() {
		var password = new PortalSettings(SignInMethods.PASSWORD, 48, 7, 30);
		access.updateSettings(owner, password);
		assertThat(access.settingsOfPortalRequest(owner.firm())).isEqualTo(password);
		// another node changes them; this node still remembers the old ones for its portal pages
		jdbc.sql("update portal_settings set sign_in_methods = 'MAGIC_LINK' where firm_id = :firm")
			.param("firm", owner.firm().value())
			.update();
		var magicLink = new PortalSettings(SignInMethods.MAGIC_LINK, 48, 7, 30);
		assertThat(access.settings(owner.firm())).isEqualTo(magicLink);

		// changing them back to what this node remembers is a change, and is saved
		access.updateSettings(owner, password);
		assertThat(jdbc.sql("select sign_in_methods from portal_settings where firm_id = :firm")
			.param("firm", owner.firm().value())
			.query(String.class)
			.single()).isEqualTo("PASSWORD");
	}

	// ------------------------------------------------------------------ permissions

	@Test
	void staffWithoutManagePortalAccessAreForbidden() {
		var c = aClientWithContact(clients, owner);
		var viewer = StaffFixtures.aMember(context, owner, Set.of(Permission.VIEW_CLIENTS, Permission.ACCESS_ALL_CLIENTS,
				Permission.EDIT_CLIENTS), null);
		assertThat(clients.get(viewer, c.client())).isNotNull();
		assertThatThrownBy(() -> access.contacts(viewer, c.client(), null, null)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> access.invite(viewer, c.client(), c.contact(), PortalRole.OWNER, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> access.enableWithGeneratedPassword(viewer, c.client(), c.contact(), null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> access.deleteContact(viewer, c.client(), c.contact()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> access.updateSettings(viewer, PortalSettings.DEFAULTS))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void clientsTheStaffMemberCannotSeeAreNotFound() {
		var c = aClientWithContact(clients, owner);
		var unassigned = StaffFixtures.aMember(context, owner,
				Set.of(Permission.VIEW_CLIENTS, Permission.MANAGE_PORTAL_ACCESS), null);
		assertThatThrownBy(() -> access.contacts(unassigned, c.client(), null, null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> access.invite(unassigned, c.client(), c.contact(), PortalRole.OWNER, null))
			.isInstanceOf(NotFoundException.class);

		var manager = StaffFixtures.aMember(context, owner,
				Set.of(Permission.VIEW_CLIENTS, Permission.ACCESS_ALL_CLIENTS, Permission.MANAGE_PORTAL_ACCESS), null);
		assertThat(access.invite(manager, c.client(), c.contact(), PortalRole.OWNER, null).status())
			.isEqualTo(PortalAccessStatus.INVITED);
		assertThat(events.stream(PortalInvitationSent.class).reduce((a, b) -> b).orElseThrow().by().staff())
			.isEqualTo(manager.id());
	}

	@Test
	void anotherFirmsIdsAreNotFound() {
		var c = aClientWithContact(clients, owner);
		var stranger = StaffFixtures.aFirmWithOwner(staff);
		var theirs = aClientWithContact(clients, stranger);
		assertThatThrownBy(() -> access.contacts(stranger, c.client(), null, null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> access.invite(stranger, c.client(), c.contact(), PortalRole.OWNER, null))
			.isInstanceOf(NotFoundException.class);
		// their own client with our contact's id
		assertThatThrownBy(() -> access.invite(stranger, theirs.client(), c.contact(), PortalRole.OWNER, null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> access.remove(stranger, theirs.client(), c.contact())).isInstanceOf(NotFoundException.class);
		assertThat(access.access(owner, c.client(), c.contact()).status()).isEqualTo(PortalAccessStatus.NO_ACCESS);
	}

	@Test
	void thePortalTabSearchesByNameAndFiltersByStatus() {
		var c = aClientWithContact(clients, owner);
		var bob = aContact(clients, owner, c.client(), "Bob Bookkeeper", StaffFixtures.uniqueEmail("bob"));
		access.invite(owner, c.client(), bob, PortalRole.EDITOR, null);
		assertThat(access.contacts(owner, c.client(), "bookkeeper", null)).extracting(ContactAccessView::contact)
			.containsExactly(bob);
		assertThat(access.contacts(owner, c.client(), null, PortalAccessStatus.INVITED))
			.extracting(ContactAccessView::contact).containsExactly(bob);
		assertThat(access.contacts(owner, c.client(), "", PortalAccessStatus.NO_ACCESS))
			.extracting(ContactAccessView::contact).containsExactly(c.contact());
		assertThat(access.contacts(owner, c.client(), "nobody", null)).isEmpty();
	}

	// ------------------------------------------------------------------ the People page

	@Test
	void anOwnerManagesTheClientsOtherContactsFromThePortal() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		var bookkeeper = aContact(clients, owner, c.client(), "Bea Bookkeeper", StaffFixtures.uniqueEmail("bea"));

		assertThat(access.people(session.identity(), c.contact(), c.client())).hasSize(2);
		access.invitePerson(session.identity(), c.contact(), c.client(), bookkeeper, PortalRole.EDITOR, "Hi Bea");
		var sent = events.stream(PortalInvitationSent.class).filter(e -> e.contact().equals(bookkeeper)).findFirst()
			.orElseThrow();
		assertThat(sent.by().contact()).isEqualTo(c.contact());
		assertThat(sent.by().email()).isEqualTo(c.email());
		assertThat(sent.note()).isEqualTo("Hi Bea");
		var bea = access.acceptInvitation(slug, sent.token(), CONTACT_PASSWORD);

		access.changePersonRole(session.identity(), c.contact(), c.client(), bookkeeper, PortalRole.VIEWER);
		assertThat(access.current(bea.identity(), owner.firm()).orElseThrow().memberships().get(0).role())
			.isEqualTo(PortalRole.VIEWER);
		// an Editor or Viewer may not manage people
		assertThatThrownBy(() -> access.people(bea.identity(), bookkeeper, c.client()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> access.removePerson(bea.identity(), bookkeeper, c.client(), c.contact()))
			.isInstanceOf(AccessDeniedException.class);

		access.removePerson(session.identity(), c.contact(), c.client(), bookkeeper);
		assertThat(access.current(bea.identity(), owner.firm())).isEmpty();
		assertThat(clients.contact(owner, c.client(), bookkeeper)).as("the contact stays").isNotNull();
	}

	@Test
	void theLastOwnerIsNeverRemovedOrDemoted() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		assertThatThrownBy(() -> access.changePersonRole(session.identity(), c.contact(), c.client(), c.contact(),
				PortalRole.EDITOR)).isInstanceOf(InvalidRequestException.class).hasMessage("portal.people.last-owner");
		assertThatThrownBy(() -> access.removePerson(session.identity(), c.contact(), c.client(), c.contact()))
			.isInstanceOf(InvalidRequestException.class).hasMessage("portal.people.last-owner");

		var spouse = aContact(clients, owner, c.client(), "Spouse", StaffFixtures.uniqueEmail("spouse"));
		access.invitePerson(session.identity(), c.contact(), c.client(), spouse, PortalRole.OWNER, null);
		access.acceptInvitation(slug, invitationToken(events, spouse), CONTACT_PASSWORD);
		access.changePersonRole(session.identity(), c.contact(), c.client(), c.contact(), PortalRole.SIGNER);
		assertThat(access.current(session.identity(), owner.firm()).orElseThrow().memberships().get(0).role())
			.isEqualTo(PortalRole.SIGNER);
		assertThatThrownBy(() -> access.people(session.identity(), c.contact(), c.client()))
			.as("no longer an Owner").isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> access.invitePerson(session.identity(), c.contact(), c.client(), spouse, null, null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void thePeoplePageStaysWithinTheOwnersClient() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		var elsewhere = aClientWithContact(clients, owner);
		assertThatThrownBy(() -> access.people(session.identity(), c.contact(), elsewhere.client()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> access.invitePerson(session.identity(), c.contact(), c.client(), elsewhere.contact(),
				PortalRole.EDITOR, null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> access.people(session.identity(), elsewhere.contact(), elsewhere.client()))
			.as("acting as someone else's contact").isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> access.invitePerson(session.identity(), c.contact(), c.client(), c.contact(), null, null))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(access.access(owner, elsewhere.client(), elsewhere.contact()).status())
			.isEqualTo(PortalAccessStatus.NO_ACCESS);
	}
}

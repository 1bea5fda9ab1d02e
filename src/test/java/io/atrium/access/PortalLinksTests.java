package io.atrium.access;

import static io.atrium.access.AccessFixtures.CONTACT_PASSWORD;
import static io.atrium.access.AccessFixtures.aClientWithContact;
import static io.atrium.access.AccessFixtures.anEnabledContact;
import static io.atrium.access.AccessFixtures.invitationToken;
import static io.atrium.access.AccessFixtures.magicLinkToken;
import static io.atrium.access.AccessFixtures.resetToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** Invitation, magic and reset links: single use, hashed, expiring, superseded, bound to their firm. */
@RecordApplicationEvents
class PortalLinksTests extends AtriumIntegrationTest {

	private final PortalAccessManagement access;
	private final ClientManagement clients;
	private final StaffManagement staff;
	private final FirmManagement firms;

	@Autowired
	ApplicationEvents events;

	@Autowired
	PortalLinksTests(PortalAccessManagement access, ClientManagement clients, StaffManagement staff,
			FirmManagement firms) {
		this.access = access;
		this.clients = clients;
		this.staff = staff;
		this.firms = firms;
	}

	StaffPrincipal owner;
	String slug;

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
		slug = firms.get(owner.firm()).slug();
	}

	@Test
	void acceptingAnInvitationSetsThePasswordEnablesAccessAndSignsIn() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.EDITOR, "Hi Jordan");
		assertThat(status(c)).isEqualTo(PortalAccessStatus.INVITED);
		var token = invitationToken(events, c.contact());

		var session = access.acceptInvitation(slug, token, CONTACT_PASSWORD);

		assertThat(session.email()).isEqualTo(c.email());
		assertThat(session.memberships()).singleElement().satisfies(m -> {
			assertThat(m.contact()).isEqualTo(c.contact());
			assertThat(m.client()).isEqualTo(c.client());
			assertThat(m.role()).isEqualTo(PortalRole.EDITOR);
		});
		assertThat(status(c)).isEqualTo(PortalAccessStatus.ENABLED);
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).isPresent();
		assertThat(access.signIn(slug, c.email().toUpperCase(), CONTACT_PASSWORD)).as("addresses ignore case").isPresent();
	}

	@Test
	void checkingALinkDoesNotSpendIt() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());

		for (int i = 0; i < 3; i++) {
			assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
		}
		assertThat(access.linkEmail(slug, token, LinkPurpose.INVITATION)).contains(c.email());
		access.acceptInvitation(slug, token, CONTACT_PASSWORD);
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.USED);
		assertThat(access.linkEmail(slug, token, LinkPurpose.INVITATION)).isEmpty();
	}

	@Test
	void rejectsAReusedInvitation() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());
		access.acceptInvitation(slug, token, CONTACT_PASSWORD);

		assertThatThrownBy(() -> access.acceptInvitation(slug, token, "another fine password"))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("portal.link.invalid");
		assertThat(access.signIn(slug, c.email(), "another fine password")).isEmpty();
	}

	@Test
	void rejectsAnExpiredInvitation() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());

		clock.advance(Duration.ofHours(47));
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
		clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.EXPIRED);
		assertThatThrownBy(() -> access.acceptInvitation(slug, token, CONTACT_PASSWORD))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(status(c)).isEqualTo(PortalAccessStatus.INVITED);
	}

	@Test
	void theFirmsInvitationLifetimeApplies() {
		access.updateSettings(owner, new PortalSettings(SignInMethods.BOTH, 2, 7, 30));
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());
		clock.advance(Duration.ofHours(2).plusSeconds(1));
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.EXPIRED);
	}

	@Test
	void resendingRetiresEveryOlderLinkAtOnce() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var first = invitationToken(events, c.contact());
		access.resendInvitation(owner, c.client(), c.contact());
		var second = invitationToken(events, c.contact());
		access.resendInvitation(owner, c.client(), c.contact());
		var third = invitationToken(events, c.contact());

		assertThat(access.checkLink(slug, first, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.USED);
		assertThat(access.checkLink(slug, second, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.USED);
		assertThatThrownBy(() -> access.acceptInvitation(slug, first, CONTACT_PASSWORD))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(access.acceptInvitation(slug, third, CONTACT_PASSWORD).memberships()).hasSize(1);
	}

	@Test
	void rejectsTamperedAndMalformedTokens() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());
		var tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

		for (var bad : new String[] { tampered, token + "x", token.substring(1), "", "../../etc/passwd", null,
				"' or 1=1 --", "x".repeat(10_000) }) {
			assertThat(access.checkLink(slug, bad, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.UNKNOWN);
			assertThatThrownBy(() -> access.acceptInvitation(slug, bad, CONTACT_PASSWORD))
				.isInstanceOf(InvalidRequestException.class);
			assertThat(access.consumeMagicLink(slug, bad)).isEmpty();
		}
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
	}

	@Test
	void aLinkOfOnePurposeIsNothingForAnother() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());
		assertThat(access.checkLink(slug, token, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.UNKNOWN);
		assertThat(access.consumeMagicLink(slug, token)).isEmpty();
		assertThatThrownBy(() -> access.resetPassword(slug, token, CONTACT_PASSWORD))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
	}

	@Test
	void aTokenNeverWorksAtAnotherFirmsAddress() {
		var c = aClientWithContact(clients, owner);
		var session = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		var other = StaffFixtures.aFirmWithOwner(staff);
		var otherSlug = firms.get(other.firm()).slug();

		var c2 = aClientWithContact(clients, owner);
		access.invite(owner, c2.client(), c2.contact(), PortalRole.OWNER, null);
		var invitation = invitationToken(events, c2.contact());
		access.requestMagicLink(slug, c.email());
		var magic = magicLinkToken(events, c.email());
		access.requestPasswordReset(slug, c.email());
		var reset = resetToken(events, c.email());

		assertThat(access.checkLink(otherSlug, invitation, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.UNKNOWN);
		assertThat(access.checkLink(otherSlug, magic, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.UNKNOWN);
		assertThat(access.checkLink(otherSlug, reset, LinkPurpose.PASSWORD_RESET)).isEqualTo(LinkCheck.UNKNOWN);
		assertThatThrownBy(() -> access.acceptInvitation(otherSlug, invitation, CONTACT_PASSWORD))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(access.consumeMagicLink(otherSlug, magic)).isEmpty();
		assertThatThrownBy(() -> access.resetPassword(otherSlug, reset, "a brand new secret"))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(access.consumeMagicLink("no-such-firm", magic)).isEmpty();
		assertThat(access.current(session.identity(), other.firm())).as("an identity is of one firm").isEmpty();

		// all still good at their own firm's address
		assertThat(access.consumeMagicLink(slug, magic)).isPresent();
		assertThat(access.checkLink(slug, invitation, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
		assertThat(access.checkLink(slug, reset, LinkPurpose.PASSWORD_RESET)).isEqualTo(LinkCheck.VALID);
	}

	@Test
	void aMagicLinkSignsInOnceWithinItsLifetime() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.VIEWER, slug);
		access.requestMagicLink(slug, c.email());
		var token = magicLinkToken(events, c.email());

		assertThat(access.checkLink(slug, token, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.VALID);
		assertThat(access.checkLink(slug, token, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.VALID);
		var session = access.consumeMagicLink(slug, token);
		assertThat(session).get().extracting(PortalSession::email).isEqualTo(c.email());
		assertThat(access.consumeMagicLink(slug, token)).isEmpty();
		assertThat(access.checkLink(slug, token, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.USED);

		access.requestMagicLink(slug, c.email());
		var later = magicLinkToken(events, c.email());
		clock.advance(Duration.ofDays(7).plusSeconds(1));
		assertThat(access.checkLink(slug, later, LinkPurpose.MAGIC_LINK)).isEqualTo(LinkCheck.EXPIRED);
		assertThat(access.consumeMagicLink(slug, later)).isEmpty();
	}

	@Test
	void aNewMagicLinkRetiresTheOlderOne() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		access.requestMagicLink(slug, c.email());
		var first = magicLinkToken(events, c.email());
		access.requestMagicLink(slug, c.email());
		var second = magicLinkToken(events, c.email());
		assertThat(access.consumeMagicLink(slug, first)).isEmpty();
		assertThat(access.consumeMagicLink(slug, second)).isPresent();
	}

	@Test
	void twoConcurrentConsumesOfOneLinkGiveExactlyOneSession() throws Exception {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		for (int round = 0; round < 5; round++) {
			access.requestMagicLink(slug, c.email());
			var token = magicLinkToken(events, c.email());
			assertThat(race(() -> access.consumeMagicLink(slug, token))).as("round " + round).isEqualTo(1);
			clock.advance(Duration.ofMinutes(4));
		}
	}

	@Test
	void anExpiredLinkCanBeRenewedWhereAllowed() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var expired = invitationToken(events, c.contact());
		clock.advance(Duration.ofDays(3));

		access.renewLink(slug, expired, LinkPurpose.INVITATION);

		var fresh = invitationToken(events, c.contact());
		assertThat(fresh).isNotEqualTo(expired);
		assertThat(access.checkLink(slug, fresh, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
		var sent = events.stream(PortalInvitationSent.class).filter(e -> e.token().equals(fresh)).findFirst().orElseThrow();
		assertThat(sent.email()).isEqualTo(c.email());

		// once revoked, an old invitation brings nothing
		access.revoke(owner, c.client(), c.contact());
		var before = events.stream(PortalInvitationSent.class).count();
		access.renewLink(slug, fresh, LinkPurpose.INVITATION);
		assertThat(events.stream(PortalInvitationSent.class).count()).isEqualTo(before);
	}

	@Test
	void aPasswordResetLinkSetsANewPasswordOnce() {
		var c = aClientWithContact(clients, owner);
		var first = anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		access.requestPasswordReset(slug, c.email());
		var token = resetToken(events, c.email());

		assertThatThrownBy(() -> access.resetPassword(slug, token, "short"))
			.isInstanceOf(InvalidRequestException.class).hasMessage("password.too-short");
		assertThat(access.checkLink(slug, token, LinkPurpose.PASSWORD_RESET)).as("a weak password leaves the link")
			.isEqualTo(LinkCheck.VALID);
		var session = access.resetPassword(slug, token, "quiet harbour morning");

		assertThat(session.credentialsVersion()).isGreaterThan(first.credentialsVersion());
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).isEmpty();
		assertThat(access.signIn(slug, c.email(), "quiet harbour morning")).isPresent();
		assertThatThrownBy(() -> access.resetPassword(slug, token, "quiet harbour evening"))
			.isInstanceOf(InvalidRequestException.class);
		clock.advance(Duration.ofMinutes(20));
		access.requestPasswordReset(slug, c.email());
		var late = resetToken(events, c.email());
		clock.advance(Duration.ofMinutes(61));
		assertThat(access.checkLink(slug, late, LinkPurpose.PASSWORD_RESET)).isEqualTo(LinkCheck.EXPIRED);
	}

	@Test
	void contactPasswordsFollowThePolicy() {
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var token = invitationToken(events, c.contact());
		assertThatThrownBy(() -> access.acceptInvitation(slug, token, "1234567"))
			.isInstanceOf(InvalidRequestException.class).hasMessage("password.too-short");
		assertThatThrownBy(() -> access.acceptInvitation(slug, token, "password1"))
			.isInstanceOf(InvalidRequestException.class).hasMessage("password.common");
		assertThatThrownBy(() -> access.acceptInvitation(slug, token, c.email()))
			.isInstanceOf(InvalidRequestException.class).hasMessage("password.is-email");
		assertThatThrownBy(() -> access.acceptInvitation(slug, token, null))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(access.checkLink(slug, token, LinkPurpose.INVITATION)).isEqualTo(LinkCheck.VALID);
		assertThat(access.acceptInvitation(slug, token, "eight ch")).isNotNull();
	}

	@Test
	void aFirmThatSignsInByLinkOnlyTakesNoPasswords() {
		access.updateSettings(owner, new PortalSettings(SignInMethods.MAGIC_LINK, 48, 7, 30));
		var c = aClientWithContact(clients, owner);
		access.invite(owner, c.client(), c.contact(), PortalRole.OWNER, null);
		var session = access.acceptInvitation(slug, invitationToken(events, c.contact()), null);
		assertThat(session.memberships()).hasSize(1);

		assertThat(access.signIn(slug, c.email(), "")).isEmpty();
		var resets = events.stream(PortalPasswordResetRequested.class).count();
		access.requestPasswordReset(slug, c.email());
		assertThat(events.stream(PortalPasswordResetRequested.class).count()).isEqualTo(resets);
		assertThatThrownBy(() -> access.enableWithGeneratedPassword(owner, c.client(), c.contact(), null))
			.isInstanceOf(InvalidRequestException.class).hasMessage("portal.password.not-allowed");
		access.requestMagicLink(slug, c.email());
		assertThat(access.consumeMagicLink(slug, magicLinkToken(events, c.email()))).isPresent();
	}

	@Test
	void aFirmThatUsesPasswordsOnlySendsNoMagicLinks() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		access.requestMagicLink(slug, c.email());
		var token = magicLinkToken(events, c.email());
		access.updateSettings(owner, new PortalSettings(SignInMethods.PASSWORD, 48, 7, 30));

		var before = events.stream(PortalMagicLinkRequested.class).count();
		access.requestMagicLink(slug, c.email());
		assertThat(events.stream(PortalMagicLinkRequested.class).count()).isEqualTo(before);
		assertThat(access.consumeMagicLink(slug, token)).as("a link sent before the change").isEmpty();
		assertThat(access.signIn(slug, c.email(), CONTACT_PASSWORD)).isPresent();
	}

	@Test
	void linkEmailsPerAddressAreCapped() {
		var c = aClientWithContact(clients, owner);
		anEnabledContact(access, events, owner, c, PortalRole.OWNER, slug);
		var before = events.stream(PortalMagicLinkRequested.class).count();
		for (int i = 0; i < 20; i++) {
			access.requestMagicLink(slug, c.email());
		}
		assertThat(events.stream(PortalMagicLinkRequested.class).count() - before)
			.isEqualTo(PortalAccessManagement.LINKS_PER_QUARTER_HOUR);
		clock.advance(Duration.ofMinutes(16));
		access.requestMagicLink(slug, c.email());
		assertThat(events.stream(PortalMagicLinkRequested.class).count() - before)
			.isEqualTo(PortalAccessManagement.LINKS_PER_QUARTER_HOUR + 1);
	}

	private PortalAccessStatus status(AccessFixtures.ClientWithContact c) {
		return access.access(owner, c.client(), c.contact()).status();
	}

	/** Runs {@code attempt} on two threads at once; the number that got a session. */
	static int race(Callable<Optional<PortalSession>> attempt) throws Exception {
		var pool = Executors.newFixedThreadPool(2);
		try {
			var start = new CountDownLatch(1);
			var results = new ArrayList<Future<Optional<PortalSession>>>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			int won = 0;
			for (var result : results) {
				try {
					if (result.get().isPresent()) {
						won++;
					}
				}
				catch (java.util.concurrent.ExecutionException e) {
					// a loser may fail on a lock instead of finding the link spent: still not a session
				}
			}
			return won;
		}
		finally {
			pool.shutdownNow();
		}
	}
}

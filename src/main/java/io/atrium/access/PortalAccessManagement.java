package io.atrium.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.access.ClientDirectory.ContactInfo;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ContactId;
import io.atrium.client.ContactView;
import io.atrium.firm.FirmId;
import io.atrium.firm.FirmManagement;
import io.atrium.firm.FirmView;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.platform.PasswordPolicy;
import io.atrium.platform.ShortLivedCache;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffPrincipal;

/**
 * Portal access of client contacts, for both sides, with authorization inside.
 * <p>
 * Firm side: a staff member needs to see the client (else 404) and hold Manage portal access (else 403) to invite,
 * change roles, generate passwords, revoke, re-enable and remove. Contact side: sign-in by password or magic link,
 * invitations and password resets by single-use links, the current session re-read on every request, and the People
 * page of a contact whose role may change settings. Contact-side answers never tell whether an address has access.
 */
@Service
public class PortalAccessManagement {

	public static final int MAX_NOTE_LENGTH = 1000;
	static final Duration RESET_LIFETIME = Duration.ofHours(1);
	/** At most this many sign-in or reset links per address and quarter hour: the form must not become a mail cannon. */
	static final int LINKS_PER_QUARTER_HOUR = 5;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final PortalIdentityRepository identities;
	private final PortalAccessRepository accesses;
	private final PortalTokenStore tokens;
	private final PortalSettingsStore settingsStore;
	private final ClientManagement clients;
	private final ClientDirectory directory;
	private final FirmManagement firms;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final ShortLivedCache<String, List<PortalFirm>> otherFirms = new ShortLivedCache<>(10_000);
	private final int maxFailures;
	private final Duration lockFor;
	private final String dummyHash;

	PortalAccessManagement(PortalIdentityRepository identities, PortalAccessRepository accesses,
			PortalTokenStore tokens, PortalSettingsStore settingsStore, ClientManagement clients,
			ClientDirectory directory, FirmManagement firms, PasswordEncoder encoder, PasswordPolicy policy,
			ApplicationEventPublisher events, Clock clock, JdbcClient jdbc,
			@Value("${atrium.security.sign-in.max-failures:5}") int maxFailures,
			@Value("${atrium.security.sign-in.lock-duration:15m}") Duration lockFor) {
		this.identities = identities;
		this.accesses = accesses;
		this.tokens = tokens;
		this.settingsStore = settingsStore;
		this.clients = clients;
		this.directory = directory;
		this.firms = firms;
		this.encoder = encoder;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.lockFor = lockFor;
		this.dummyHash = encoder.encode("not a real password, only here to spend the same time");
	}

	// ---------------------------------------------------------------- firm side

	/** Whether {@code actor} may manage portal access at all (the client's visibility is checked per client). */
	public static boolean mayManage(StaffPrincipal actor) {
		return actor.can(Permission.MANAGE_PORTAL_ACCESS);
	}

	/**
	 * The client's contacts with their portal access, in the client's order; {@code search} matches name or email
	 * (blank: all), {@code filter} the status (null: all).
	 */
	@Transactional(readOnly = true)
	public List<ContactAccessView> contacts(StaffPrincipal actor, ClientId client, String search,
			PortalAccessStatus filter) {
		manageable(actor, client);
		var infos = clients.contacts(actor, client).stream().map(PortalAccessManagement::info).toList();
		var needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
		return views(actor.firm(), client, infos).stream()
			.filter(v -> needle.isEmpty() || v.name().toLowerCase(Locale.ROOT).contains(needle)
					|| (v.email() != null && v.email().contains(needle)))
			.filter(v -> filter == null || v.status() == filter)
			.toList();
	}

	/** One contact with their portal access. */
	@Transactional(readOnly = true)
	public ContactAccessView access(StaffPrincipal actor, ClientId client, ContactId contact) {
		manageable(actor, client);
		return view(actor.firm(), info(clients.contact(actor, client, contact)));
	}

	/**
	 * Invites a contact in {@code role} with an optional personal note: a single-use link to set a password, valid
	 * for the firm's invitation lifetime. Inviting a contact whose invitation is pending sends a new link (perhaps
	 * in another role) and retires the old one. A Notify-only contact gets access at once, with no credentials and
	 * no link.
	 */
	@Transactional
	public ContactAccessView invite(StaffPrincipal actor, ClientId client, ContactId contact, PortalRole role,
			String note) {
		var clientView = manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		invite(actor.firm(), clientView.name(), info, role, note, staffActor(actor));
		return view(actor.firm(), info);
	}

	/** A new invitation link for a contact whose invitation is pending (or who never set a password); older links die. */
	@Transactional
	public ContactAccessView resendInvitation(StaffPrincipal actor, ClientId client, ContactId contact) {
		manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		var access = existing(actor.firm(), contact);
		var identity = identityOf(access);
		if (!mayResend(access, identity)) {
			throw new InvalidRequestException(null, "portal.invite.not-pending");
		}
		sendInvitation(access, identity, info, null, true, staffActor(actor));
		return view(actor.firm(), info);
	}

	/** Changes a contact's portal role; their live sessions see it on their next request. */
	@Transactional
	public ContactAccessView changeRole(StaffPrincipal actor, ClientId client, ContactId contact, PortalRole role) {
		manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		changeRole(actor.firm(), info, role, staffActor(actor));
		return view(actor.firm(), info);
	}

	/**
	 * Enables a contact's access with a password the firm generates and hands over (shown once, never stored in
	 * plain text). {@code role} is the role to grant; null keeps the contact's role (Owner for a new access). Also
	 * turns a pending invitation into Enabled access (the invitation link dies) and re-enables a disabled one.
	 */
	@Transactional
	public String enableWithGeneratedPassword(StaffPrincipal actor, ClientId client, ContactId contact,
			PortalRole role) {
		var clientView = manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		requirePasswords(actor.firm());
		var email = requireEmail(info);
		var now = clock.instant();
		var existing = accesses.findInFirm(actor.firm().value(), contact.value());
		var newRole = role != null ? role : existing.map(PortalAccess::role).orElse(PortalRole.OWNER);
		if (!newRole.signsIn()) {
			throw new InvalidRequestException("role", "portal.role.no-sign-in");
		}
		var identity = identityFor(actor.firm(), email, now);
		var by = staffActor(actor);
		PortalAccess access;
		if (existing.isEmpty()) {
			access = PortalAccess.grant(actor.firm(), client, clientView.name(), contact, info.name(), identity.id(),
					newRole, now);
		}
		else {
			access = existing.get();
			if (!access.identity().equals(identity.id())) {
				throw new IllegalStateException("access of another identity");
			}
			if (access.role() != newRole) {
				var from = access.role();
				access.changeRole(newRole, now);
				events.publishEvent(new PortalRoleChanged(actor.firm(), client, contact, email, from, newRole, by));
			}
		}
		var wasEnabled = access.status() == PortalAccessStatus.ENABLED;
		access.enable(now);
		saveAccess(access);
		tokens.retireInvitations(contact, now);
		var password = PortalPasswords.generate();
		identity.setPassword(encoder.encode(password));
		identities.save(identity);
		if (!wasEnabled) {
			events.publishEvent(new PortalAccessEnabled(actor.firm(), client, contact, identity.id(), email, newRole, by));
		}
		events.publishEvent(new PortalPasswordGenerated(actor.firm(), client, contact, identity.id(), email, false, by));
		return password;
	}

	/** A new generated password for a contact with Enabled access, shown once; it ends the person's other sessions. */
	@Transactional
	public String resetPassword(StaffPrincipal actor, ClientId client, ContactId contact) {
		manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		requirePasswords(actor.firm());
		var access = existing(actor.firm(), contact);
		if (!access.isMembership()) {
			throw new InvalidRequestException(null, "portal.password.not-enabled");
		}
		var identity = identityOf(access);
		var password = PortalPasswords.generate();
		identity.setPassword(encoder.encode(password));
		identities.save(identity);
		events.publishEvent(new PortalPasswordGenerated(actor.firm(), client, contact, identity.id(),
				identity.email(), true, staffActor(actor)));
		return password;
	}

	/** Disables a contact's access: they cannot sign in, and their live sessions end on their next request. */
	@Transactional
	public ContactAccessView revoke(StaffPrincipal actor, ClientId client, ContactId contact) {
		manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		var access = existing(actor.firm(), contact);
		if (access.status() != PortalAccessStatus.DISABLED) {
			var now = clock.instant();
			access.revoke(now);
			saveAccess(access);
			tokens.retireInvitations(contact, now);
			events.publishEvent(new PortalAccessRevoked(actor.firm(), client, contact, identityOf(access).email(),
					staffActor(actor)));
		}
		return view(actor.firm(), info);
	}

	@Transactional
	public ContactAccessView reenable(StaffPrincipal actor, ClientId client, ContactId contact) {
		manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		var access = existing(actor.firm(), contact);
		if (access.status() != PortalAccessStatus.DISABLED) {
			throw new InvalidRequestException(null, "portal.reenable.not-disabled");
		}
		access.reenable(clock.instant());
		saveAccess(access);
		events.publishEvent(new PortalAccessReenabled(actor.firm(), client, contact, identityOf(access).email(),
				access.role(), staffActor(actor)));
		return view(actor.firm(), info);
	}

	/** Removes a contact's portal access; the contact stays and can be invited again. */
	@Transactional
	public ContactAccessView remove(StaffPrincipal actor, ClientId client, ContactId contact) {
		manageable(actor, client);
		var info = info(clients.contact(actor, client, contact));
		removeAccess(actor.firm(), contact, "removed", staffActor(actor));
		return view(actor.firm(), info);
	}

	/** Deletes the contact (which needs Edit clients too), after removing their portal access. */
	@Transactional
	public void deleteContact(StaffPrincipal actor, ClientId client, ContactId contact) {
		manageable(actor, client);
		clients.contact(actor, client, contact);
		if (!ClientManagement.mayEdit(actor)) {
			throw new AccessDeniedException("deleting a contact needs Edit clients");
		}
		removeAccess(actor.firm(), contact, "contact-deleted", staffActor(actor));
		clients.deleteContact(actor, client, contact);
	}

	/** The firm's portal settings as stored now: the settings page, emails, anything that decides. */
	public PortalSettings settings(FirmId firm) {
		return settingsStore.fresh(firm);
	}

	/**
	 * The firm's portal settings as of a few seconds ago at most, for what every portal request reads (the idle
	 * timeout, the branded pages); what they decide for sign-in is checked again with {@link #settings}.
	 */
	public PortalSettings settingsOfPortalRequest(FirmId firm) {
		return settingsStore.get(firm);
	}

	/** Changes the firm's portal settings (Manage firm settings); values out of range are refused with the range. */
	@Transactional
	public PortalSettings updateSettings(StaffPrincipal actor, PortalSettings settings) {
		if (!actor.can(Permission.MANAGE_FIRM_SETTINGS)) {
			throw new AccessDeniedException("Manage firm settings");
		}
		if (settings == null || settings.signInMethods() == null) {
			throw new InvalidRequestException("signInMethods", "portal.settings.methods.invalid");
		}
		if (settings.invitationLifetimeHours() < PortalSettings.MIN_INVITATION_HOURS
				|| settings.invitationLifetimeHours() > PortalSettings.MAX_INVITATION_HOURS) {
			throw new InvalidRequestException("invitationLifetimeHours", "portal.settings.invitation.range");
		}
		if (settings.magicLinkLifetimeDays() < PortalSettings.MIN_MAGIC_LINK_DAYS
				|| settings.magicLinkLifetimeDays() > PortalSettings.MAX_MAGIC_LINK_DAYS) {
			throw new InvalidRequestException("magicLinkLifetimeDays", "portal.settings.magic-link.range");
		}
		if (settings.idleTimeoutMinutes() < PortalSettings.MIN_IDLE_MINUTES
				|| settings.idleTimeoutMinutes() > PortalSettings.MAX_IDLE_MINUTES) {
			throw new InvalidRequestException("idleTimeoutMinutes", "portal.settings.idle.range");
		}
		var before = settingsStore.fresh(actor.firm());
		if (!before.equals(settings)) {
			settingsStore.save(actor.firm(), settings, clock.instant());
			events.publishEvent(new PortalSettingsChanged(actor.firm(), before, settings, staffActor(actor)));
		}
		return settings;
	}

	// ---------------------------------------------------------------- contact side: sign-in and links

	/**
	 * Signs in with email and password at the firm's portal address. Empty for every failure alike (unknown
	 * address, wrong password, locked, no access, passwords not used by the firm), after the same hashing work.
	 * Wrong passwords count per identity; after the configured number in a row it locks for a while.
	 */
	@Transactional
	public Optional<PortalSession> signIn(String slug, String email, String password) {
		var address = PortalIdentity.normalizeEmail(email);
		var given = password == null ? "" : password;
		var firm = firm(slug);
		if (firm.isEmpty()) {
			encoder.matches(given, dummyHash);
			return Optional.empty();
		}
		var firmId = firm.get().id();
		var now = clock.instant();
		var found = address.length() > 254 || given.length() > PasswordPolicy.MAXIMUM ? Optional.<PortalIdentity>empty()
				: identities.findByEmail(firmId.value(), address);
		if (!settingsStore.fresh(firmId).signInMethods().allowsPassword()) {
			encoder.matches(given, dummyHash);
			events.publishEvent(new PortalSignInFailed(firmId, clip(address), "method-not-allowed"));
			return Optional.empty();
		}
		if (found.isEmpty() || !found.get().hasPassword()) {
			encoder.matches(given, dummyHash);
			events.publishEvent(new PortalSignInFailed(firmId, clip(address), "unknown"));
			return Optional.empty();
		}
		var identity = found.get();
		if (identity.isLocked(now)) {
			encoder.matches(given, dummyHash);
			events.publishEvent(new PortalSignInFailed(firmId, address, "locked"));
			return Optional.empty();
		}
		if (!encoder.matches(given, identity.passwordHash())) {
			identities.countFailedSignIn(identity.id().value());
			identities.lockIfFailedTooOften(identity.id().value(), maxFailures,
					java.sql.Timestamp.from(now.plus(lockFor).truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
			events.publishEvent(new PortalSignInFailed(firmId, address, "password"));
			return Optional.empty();
		}
		var session = session(identity);
		if (session.isEmpty()) {
			events.publishEvent(new PortalSignInFailed(firmId, address, "no-access"));
			return Optional.empty();
		}
		return Optional.of(signedIn(identity, "password", now));
	}

	/**
	 * Emails a sign-in link when the address has access at this firm and the firm uses magic links; otherwise does
	 * nothing, and the caller answers the same either way.
	 */
	@Transactional
	public void requestMagicLink(String slug, String email) {
		var firm = firm(slug);
		if (firm.isEmpty() || !settingsStore.fresh(firm.get().id()).signInMethods().allowsMagicLink()) {
			return;
		}
		withAccess(firm.get().id(), email).ifPresent(this::sendMagicLink);
	}

	/** Emails a password reset link when the address has access at this firm and the firm uses passwords. */
	@Transactional
	public void requestPasswordReset(String slug, String email) {
		var firm = firm(slug);
		if (firm.isEmpty() || !settingsStore.fresh(firm.get().id()).signInMethods().allowsPassword()) {
			return;
		}
		withAccess(firm.get().id(), email).ifPresent(this::sendPasswordReset);
	}

	/** Where a link stands, without spending it: for the confirm page that opening the link shows. */
	@Transactional(readOnly = true)
	public LinkCheck checkLink(String slug, String token, LinkPurpose purpose) {
		var firm = firm(slug);
		if (firm.isEmpty() || purpose == null) {
			return LinkCheck.UNKNOWN;
		}
		var link = tokens.find(firm.get().id(), token, purpose);
		if (link.isEmpty()) {
			return LinkCheck.UNKNOWN;
		}
		var check = link.get().check(clock.instant());
		if (check == LinkCheck.VALID && purpose == LinkPurpose.INVITATION && !invitationPending(link.get())) {
			return LinkCheck.USED;
		}
		return check;
	}

	/** The address a valid link was sent to, for its confirm page; empty unless the link is valid. */
	@Transactional(readOnly = true)
	public Optional<String> linkEmail(String slug, String token, LinkPurpose purpose) {
		if (checkLink(slug, token, purpose) != LinkCheck.VALID) {
			return Optional.empty();
		}
		var firm = firm(slug).orElseThrow();
		return tokens.find(firm.id(), token, purpose)
			.flatMap(link -> identities.findInFirm(firm.id().value(), link.identity().value()))
			.map(PortalIdentity::email);
	}

	/** Spends a magic link and signs in; empty when the link is not valid (or nothing is left to sign in to). */
	@Transactional
	public Optional<PortalSession> consumeMagicLink(String slug, String token) {
		var firm = firm(slug);
		if (firm.isEmpty() || !settingsStore.fresh(firm.get().id()).signInMethods().allowsMagicLink()) {
			return Optional.empty();
		}
		var now = clock.instant();
		var firmId = firm.get().id();
		var link = tokens.consume(firmId, token, LinkPurpose.MAGIC_LINK, now);
		if (link.isEmpty()) {
			events.publishEvent(new PortalSignInFailed(firmId, null, "link"));
			return Optional.empty();
		}
		var identity = identities.findInFirm(firmId.value(), link.get().identity().value()).orElseThrow();
		if (session(identity).isEmpty()) {
			events.publishEvent(new PortalSignInFailed(firmId, identity.email(), "no-access"));
			return Optional.empty();
		}
		return Optional.of(signedIn(identity, "magic-link", now));
	}

	/**
	 * Accepts an invitation: spends the link, sets the identity's password (where the firm uses passwords: at
	 * least 8 characters, not a common one) and enables the contact's access; then the person is signed in. The
	 * link is checked before the password; a weak password leaves the link unspent.
	 */
	@Transactional
	public PortalSession acceptInvitation(String slug, String token, String password) {
		var firm = firm(slug).orElseThrow(PortalAccessManagement::invalidLink);
		if (checkLink(slug, token, LinkPurpose.INVITATION) != LinkCheck.VALID) {
			throw invalidLink();
		}
		var firmId = firm.id();
		var link = tokens.find(firmId, token, LinkPurpose.INVITATION).orElseThrow(PortalAccessManagement::invalidLink);
		var identity = identities.findInFirm(firmId.value(), link.identity().value())
			.orElseThrow(PortalAccessManagement::invalidLink);
		var usesPasswords = settingsStore.fresh(firmId).signInMethods().allowsPassword();
		if (usesPasswords) {
			checkPassword(password, identity.email());
		}
		var now = clock.instant();
		if (tokens.consume(firmId, token, LinkPurpose.INVITATION, now).isEmpty()) {
			throw invalidLink();
		}
		var access = accesses.findInFirm(firmId.value(), link.contact().value())
			.filter(a -> a.identity().equals(identity.id()) && acceptable(a))
			.orElseThrow(PortalAccessManagement::invalidLink);
		access.enable(now);
		saveAccess(access);
		if (usesPasswords) {
			identity.setPassword(encoder.encode(password));
		}
		events.publishEvent(new PortalInvitationAccepted(firmId, access.client(), access.contact(), identity.id(),
				identity.email()));
		return signedIn(identity, "invitation", now);
	}

	/** Spends a reset link, sets the new password (ending older sessions), lifts a lock, and signs in. */
	@Transactional
	public PortalSession resetPassword(String slug, String token, String password) {
		var firm = firm(slug).orElseThrow(PortalAccessManagement::invalidLink);
		var firmId = firm.id();
		if (!settingsStore.fresh(firmId).signInMethods().allowsPassword()
				|| checkLink(slug, token, LinkPurpose.PASSWORD_RESET) != LinkCheck.VALID) {
			throw invalidLink();
		}
		var link = tokens.find(firmId, token, LinkPurpose.PASSWORD_RESET).orElseThrow(PortalAccessManagement::invalidLink);
		var identity = identities.findInFirm(firmId.value(), link.identity().value())
			.orElseThrow(PortalAccessManagement::invalidLink);
		checkPassword(password, identity.email());
		var now = clock.instant();
		if (tokens.consume(firmId, token, LinkPurpose.PASSWORD_RESET, now).isEmpty() || session(identity).isEmpty()) {
			throw invalidLink();
		}
		identity.setPassword(encoder.encode(password));
		events.publishEvent(new PortalPasswordReset(firmId, identity.id(), identity.email()));
		return signedIn(identity, "password-reset", now);
	}

	/**
	 * Sends a fresh link in place of an expired, used or superseded one, where that is still allowed: a new
	 * invitation while the contact's invitation is pending, a new magic or reset link while the address has access
	 * and the firm uses that method. Silent otherwise, like the sign-in page.
	 */
	@Transactional
	public void renewLink(String slug, String token, LinkPurpose purpose) {
		var firm = firm(slug);
		if (firm.isEmpty() || purpose == null) {
			return;
		}
		var firmId = firm.get().id();
		var link = tokens.find(firmId, token, purpose);
		if (link.isEmpty()) {
			return;
		}
		var identity = identities.findInFirm(firmId.value(), link.get().identity().value());
		if (identity.isEmpty()) {
			return;
		}
		var methods = settingsStore.fresh(firmId).signInMethods();
		switch (purpose) {
			case INVITATION -> {
				if (link.get().contact() == null) {
					return;
				}
				accesses.findInFirm(firmId.value(), link.get().contact().value())
					.filter(a -> a.identity().equals(identity.get().id()) && mayResend(a, identity.get()))
					.ifPresent(access -> directory.contact(firmId, access.client(), access.contact())
						.ifPresent(info -> sendInvitation(access, identity.get(), info, null, true, null)));
			}
			case MAGIC_LINK -> {
				if (methods.allowsMagicLink() && session(identity.get()).isPresent()) {
					sendMagicLink(identity.get());
				}
			}
			case PASSWORD_RESET -> {
				if (methods.allowsPassword() && session(identity.get()).isPresent()) {
					sendPasswordReset(identity.get());
				}
			}
		}
	}

	// ---------------------------------------------------------------- contact side: sessions

	/**
	 * The identity's session as of now, for every portal request: the contacts it may act as (Enabled, in a role
	 * that signs in); empty when none is left or the identity is not of this firm. One statement (identity and
	 * accesses joined), so no transaction of its own.
	 */
	public Optional<PortalSession> current(PortalIdentityId identity, FirmId firm) {
		if (identity == null || firm == null) {
			return Optional.empty();
		}
		var found = new Object() {
			String email;
			int credentialsVersion;
			final List<PortalMembership> memberships = new ArrayList<>();
		};
		jdbc.sql("""
				select i.email, i.credentials_version, a.client_id, a.client_name, a.contact_id, a.contact_name, a.portal_role
				from portal_identity i left join portal_access a on a.identity_id = i.id and a.status = 'ENABLED'
				where i.firm_id = :firm and i.id = :identity
				order by lower(a.client_name), lower(a.contact_name), a.contact_id""")
			.param("firm", firm.value())
			.param("identity", identity.value())
			.query((RowCallbackHandler) rs -> {
				found.email = rs.getString("email");
				found.credentialsVersion = rs.getInt("credentials_version");
				// PortalAccess.isMembership as one statement: Enabled (the join), in a role that signs in (here)
				var client = rs.getObject("client_id", UUID.class);
				var role = client == null ? null : PortalRole.valueOf(rs.getString("portal_role"));
				if (role != null && role.signsIn()) {
					found.memberships.add(new PortalMembership(new ClientId(client), rs.getString("client_name"),
							new ContactId(rs.getObject("contact_id", UUID.class)), rs.getString("contact_name"), role));
				}
			});
		return found.memberships.isEmpty() ? Optional.empty()
				: Optional.of(new PortalSession(identity, firm, found.email, found.memberships, found.credentialsVersion));
	}

	/** One contact the identity may act as now; empty when it may not (any more). */
	@Transactional(readOnly = true)
	public Optional<PortalMembership> membership(PortalIdentityId identity, ContactId contact) {
		if (identity == null || contact == null) {
			return Optional.empty();
		}
		return accesses.findById(contact.value())
			.filter(a -> a.identity().equals(identity) && a.isMembership())
			.map(PortalAccess::membership);
	}

	/** Records that a portal session was ended by its owner. */
	@Transactional
	public void recordSignOut(PortalIdentityId identity, FirmId firm) {
		if (identity == null || firm == null) {
			return;
		}
		identities.findInFirm(firm.value(), identity.value())
			.ifPresent(i -> events.publishEvent(new PortalSignedOut(firm, i.id(), i.email())));
	}

	/**
	 * Other firms where this address (verified by the caller: the person is signed in with it) has portal access
	 * they can sign in with, by name: the "Switch company" menu. Each is entered through its own sign-in.
	 */
	public List<PortalFirm> otherFirmsOf(String verifiedEmail, FirmId except) {
		var address = PortalIdentity.normalizeEmail(verifiedEmail);
		if (address.isEmpty()) {
			return List.of();
		}
		// on every portal home: remembered for a few seconds, without a transaction of its own
		return otherFirms.value(address + " " + except, key -> otherFirmsNow(address, except));
	}

	private List<PortalFirm> otherFirmsNow(String address, FirmId except) {
		var firmIds = jdbc.sql("""
				select distinct i.firm_id from portal_identity i join portal_access a on a.identity_id = i.id
				where i.email = :email and a.status = 'ENABLED' and a.portal_role in (:roles)""")
			.param("email", address)
			.param("roles", signInRoles())
			.query(UUID.class)
			.list();
		var result = new ArrayList<PortalFirm>();
		for (var id : firmIds) {
			if (except != null && except.value().equals(id)) {
				continue;
			}
			var firm = firms.get(new FirmId(id));
			result.add(new PortalFirm(firm.slug(), firm.name()));
		}
		result.sort(Comparator.comparing(PortalFirm::name, String.CASE_INSENSITIVE_ORDER));
		return List.copyOf(result);
	}

	/**
	 * The client's contacts who may get emails about the portal: with an email and access Enabled or Invited, in
	 * any role (Notify-only included); Disabled access and contacts without access are left out. For notifications,
	 * where nobody asks.
	 */
	@Transactional(readOnly = true)
	public List<ContactAccessView> emailRecipients(FirmId firm, ClientId client) {
		return views(firm, client, directory.contacts(firm, client)).stream()
			.filter(ContactAccessView::hasEmail)
			.filter(v -> v.status() == PortalAccessStatus.ENABLED || v.status() == PortalAccessStatus.INVITED)
			.toList();
	}

	// ---------------------------------------------------------------- contact side: People page

	/**
	 * The client's contacts with their access, for a contact of the client whose role may change settings (an
	 * Owner). Another client, or a contact the identity may not act as, is not found; a role without the right is
	 * forbidden.
	 */
	@Transactional(readOnly = true)
	public List<ContactAccessView> people(PortalIdentityId identity, ContactId actingContact, ClientId client) {
		var acting = peopleManager(identity, actingContact, client);
		return views(acting.firm(), client, directory.contacts(acting.firm(), client));
	}

	@Transactional
	public ContactAccessView invitePerson(PortalIdentityId identity, ContactId actingContact, ClientId client,
			ContactId contact, PortalRole role, String note) {
		var acting = peopleManager(identity, actingContact, client);
		var info = directory.contact(acting.firm(), client, contact).orElseThrow(() -> new NotFoundException("contact"));
		var clientName = directory.clientName(acting.firm(), client).orElseThrow(() -> new NotFoundException("client"));
		invite(acting.firm(), clientName, info, role, note, contactActor(acting));
		return view(acting.firm(), info);
	}

	/** Changes another contact's role; the client's last Owner is never demoted. */
	@Transactional
	public ContactAccessView changePersonRole(PortalIdentityId identity, ContactId actingContact, ClientId client,
			ContactId contact, PortalRole role) {
		var acting = peopleManager(identity, actingContact, client);
		var info = directory.contact(acting.firm(), client, contact).orElseThrow(() -> new NotFoundException("contact"));
		var access = existing(acting.firm(), contact);
		if (role != PortalRole.OWNER) {
			requireNotLastOwner(access);
		}
		changeRole(acting.firm(), info, role, contactActor(acting));
		return view(acting.firm(), info);
	}

	/** Removes another contact's access (the contact stays); the client's last Owner is never removed. */
	@Transactional
	public ContactAccessView removePerson(PortalIdentityId identity, ContactId actingContact, ClientId client,
			ContactId contact) {
		var acting = peopleManager(identity, actingContact, client);
		var info = directory.contact(acting.firm(), client, contact).orElseThrow(() -> new NotFoundException("contact"));
		var access = existing(acting.firm(), contact);
		requireNotLastOwner(access);
		removeAccess(acting.firm(), contact, "removed", contactActor(acting));
		return view(acting.firm(), info);
	}

	// ---------------------------------------------------------------- reactions to the client module

	/** The contact is about to be deleted: their access goes first. */
	void contactDeleted(FirmId firm, ContactId contact, PortalActor by) {
		removeAccess(firm, contact, "contact-deleted", by);
	}

	/**
	 * A contact's details changed: a new name is copied; a new (or no) email ends the access tied to the old
	 * address, since access is granted to an address.
	 */
	void contactUpdated(FirmId firm, ContactId contact, String name, String email, String previousEmail,
			PortalActor by) {
		var access = accesses.findInFirm(firm.value(), contact.value());
		if (access.isEmpty()) {
			return;
		}
		if (!PortalIdentity.normalizeEmail(email).equals(PortalIdentity.normalizeEmail(previousEmail))) {
			removeAccess(firm, contact, "email-changed", by);
			return;
		}
		access.get().renameContact(name);
		saveAccess(access.get());
	}

	void clientRenamed(FirmId firm, ClientId client, String name) {
		for (var access : accesses.findByClient(firm.value(), client.value())) {
			access.renameClient(name);
			saveAccess(access);
		}
	}

	// ---------------------------------------------------------------- the work, once for both sides

	private void invite(FirmId firm, String clientName, ContactInfo info, PortalRole role, String note,
			PortalActor by) {
		if (role == null) {
			throw new InvalidRequestException("role", "portal.role.unknown");
		}
		var cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > MAX_NOTE_LENGTH) {
			throw new InvalidRequestException("note", "portal.note.too-long");
		}
		var email = requireEmail(info);
		var now = clock.instant();
		var existing = accesses.findInFirm(firm.value(), info.id().value());
		if (existing.isPresent() && existing.get().status() != PortalAccessStatus.INVITED) {
			throw new InvalidRequestException(null, "portal.invite.has-access");
		}
		var identity = identityFor(firm, email, now);
		PortalAccess access;
		if (existing.isPresent()) {
			access = existing.get();
			if (access.role() != role) {
				events.publishEvent(new PortalRoleChanged(firm, info.client(), info.id(), email, access.role(), role, by));
			}
			access.reinvite(role, now);
		}
		else {
			access = PortalAccess.grant(firm, info.client(), clientName, info.id(), info.name(), identity.id(), role, now);
		}
		saveAccess(access);
		if (!role.signsIn()) {
			tokens.retireInvitations(info.id(), now);
			events.publishEvent(new PortalAccessEnabled(firm, info.client(), info.id(), identity.id(), email, role, by));
			return;
		}
		sendInvitation(access, identity, info, cleanNote, existing.isPresent(), by);
	}

	private void sendInvitation(PortalAccess access, PortalIdentity identity, ContactInfo info, String note,
			boolean resent, PortalActor by) {
		var now = clock.instant();
		var expires = now.plus(Duration.ofHours(settingsStore.fresh(access.firm()).invitationLifetimeHours()));
		var token = tokens.issue(access.firm(), identity.id(), access.contact(), LinkPurpose.INVITATION, now, expires);
		events.publishEvent(new PortalInvitationSent(access.firm(), access.client(), access.contact(), identity.id(),
				identity.email(), info.name(), access.clientName(), access.role(), note, token.value(), expires, resent,
				by));
	}

	private void changeRole(FirmId firm, ContactInfo info, PortalRole role, PortalActor by) {
		if (role == null) {
			throw new InvalidRequestException("role", "portal.role.unknown");
		}
		var access = existing(firm, info.id());
		var from = access.role();
		if (from == role) {
			return;
		}
		var now = clock.instant();
		access.changeRole(role, now);
		saveAccess(access);
		if (!role.signsIn()) {
			tokens.retireInvitations(info.id(), now);
		}
		events.publishEvent(new PortalRoleChanged(firm, info.client(), info.id(), identityOf(access).email(), from,
				role, by));
	}

	private void removeAccess(FirmId firm, ContactId contact, String reason, PortalActor by) {
		var access = accesses.findInFirm(firm.value(), contact.value());
		if (access.isEmpty()) {
			return;
		}
		var email = identityOf(access.get()).email();
		tokens.retireInvitations(contact, clock.instant());
		otherFirms.clearAfterCommit();
		accesses.delete(access.get());
		events.publishEvent(new PortalAccessRemoved(firm, access.get().client(), contact, email, reason, by));
	}

	private void sendMagicLink(PortalIdentity identity) {
		var now = clock.instant();
		if (tokens.issuedSince(identity.id(), LinkPurpose.MAGIC_LINK, now.minus(Duration.ofMinutes(15)))
				>= LINKS_PER_QUARTER_HOUR) {
			events.publishEvent(new PortalSignInFailed(identity.firm(), identity.email(), "throttled"));
			return;
		}
		var expires = now.plus(Duration.ofDays(settingsStore.fresh(identity.firm()).magicLinkLifetimeDays()));
		var token = tokens.issue(identity.firm(), identity.id(), null, LinkPurpose.MAGIC_LINK, now, expires);
		events.publishEvent(new PortalMagicLinkRequested(identity.firm(), identity.id(), identity.email(),
				token.value(), expires));
	}

	private void sendPasswordReset(PortalIdentity identity) {
		var now = clock.instant();
		if (tokens.issuedSince(identity.id(), LinkPurpose.PASSWORD_RESET, now.minus(Duration.ofMinutes(15)))
				>= LINKS_PER_QUARTER_HOUR) {
			events.publishEvent(new PortalSignInFailed(identity.firm(), identity.email(), "throttled"));
			return;
		}
		var expires = now.plus(RESET_LIFETIME);
		var token = tokens.issue(identity.firm(), identity.id(), null, LinkPurpose.PASSWORD_RESET, now, expires);
		events.publishEvent(new PortalPasswordResetRequested(identity.firm(), identity.id(), identity.email(),
				token.value(), expires));
	}

	/** The identity of an address with sign-in access at the firm, or empty. */
	private Optional<PortalIdentity> withAccess(FirmId firm, String email) {
		var address = PortalIdentity.normalizeEmail(email);
		if (address.isEmpty() || address.length() > 254) {
			return Optional.empty();
		}
		return identities.findByEmail(firm.value(), address).filter(i -> session(i).isPresent());
	}

	private PortalSession signedIn(PortalIdentity identity, String method, Instant now) {
		identity.recordSignIn(now);
		identities.save(identity);
		for (var access : accesses.findByIdentity(identity.id().value())) {
			if (access.isMembership()) {
				access.recordSignIn(now);
				saveAccess(access);
			}
		}
		events.publishEvent(new PortalSignedIn(identity.firm(), identity.id(), identity.email(), method));
		return session(identity).orElseThrow(PortalAccessManagement::invalidLink);
	}

	private Optional<PortalSession> session(PortalIdentity identity) {
		var memberships = accesses.findByIdentity(identity.id().value()).stream()
			.filter(PortalAccess::isMembership)
			.map(PortalAccess::membership)
			.toList();
		if (memberships.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new PortalSession(identity.id(), identity.firm(), identity.email(), memberships,
				identity.credentialsVersion()));
	}

	private PortalIdentity identityFor(FirmId firm, String email, Instant now) {
		return identities.findByEmail(firm.value(), email)
			.orElseGet(() -> identities.save(PortalIdentity.create(firm, email, now)));
	}

	private PortalIdentity identityOf(PortalAccess access) {
		return identities.findInFirm(access.firm().value(), access.identity().value()).orElseThrow();
	}

	private PortalAccess existing(FirmId firm, ContactId contact) {
		return accesses.findInFirm(firm.value(), contact.value())
			.orElseThrow(() -> new InvalidRequestException(null, "portal.access.none"));
	}

	private boolean invitationPending(PortalTokenStore.Link link) {
		return link.contact() != null && accesses.findById(link.contact().value())
			.filter(a -> a.identity().equals(link.identity()) && acceptable(a))
			.isPresent();
	}

	/**
	 * An invitation may still be accepted while the access is Invited, or Enabled in a role that signs in (a link
	 * sent to someone who never set a password); not once it is revoked, removed or turned Notify-only.
	 */
	private static boolean acceptable(PortalAccess access) {
		return access.role().signsIn() && (access.status() == PortalAccessStatus.INVITED
				|| access.status() == PortalAccessStatus.ENABLED);
	}

	/** A new invitation makes sense while one is pending, or for Enabled access by someone who never set a password. */
	private static boolean mayResend(PortalAccess access, PortalIdentity identity) {
		if (!access.role().signsIn()) {
			return false;
		}
		return access.status() == PortalAccessStatus.INVITED
				|| (access.status() == PortalAccessStatus.ENABLED && !identity.hasPassword());
	}

	private void requireNotLastOwner(PortalAccess access) {
		if (access.role() == PortalRole.OWNER && access.status() == PortalAccessStatus.ENABLED
				&& accesses.countEnabledOwners(access.firm().value(), access.client().value()) <= 1) {
			throw new InvalidRequestException(null, "portal.people.last-owner");
		}
	}

	private PortalAccess peopleManager(PortalIdentityId identity, ContactId actingContact, ClientId client) {
		if (identity == null || actingContact == null || client == null) {
			throw new NotFoundException("client");
		}
		var acting = accesses.findById(actingContact.value())
			.filter(a -> a.identity().equals(identity) && a.isMembership() && a.client().equals(client))
			.orElseThrow(() -> new NotFoundException("client"));
		if (!acting.role().can(PortalCapability.CHANGE_SETTINGS)) {
			throw new AccessDeniedException("managing the client's people needs the Owner role");
		}
		return acting;
	}

	private PortalActor contactActor(PortalAccess acting) {
		return PortalActor.contact(acting.contact(), identityOf(acting).email());
	}

	private static PortalActor staffActor(StaffPrincipal actor) {
		return PortalActor.staff(actor.id(), actor.email());
	}

	private io.atrium.client.ClientView manageable(StaffPrincipal actor, ClientId client) {
		var view = clients.get(actor, client);
		if (!mayManage(actor)) {
			throw new AccessDeniedException("Manage portal access");
		}
		return view;
	}

	private void requirePasswords(FirmId firm) {
		if (!settingsStore.fresh(firm).signInMethods().allowsPassword()) {
			throw new InvalidRequestException(null, "portal.password.not-allowed");
		}
	}

	private static String requireEmail(ContactInfo info) {
		if (info.email() == null || info.email().isBlank()) {
			throw new InvalidRequestException(null, "contact.email.required");
		}
		var email = PortalIdentity.normalizeEmail(info.email());
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw new InvalidRequestException(null, "portal.email.invalid");
		}
		return email;
	}

	private void checkPassword(String password, String email) {
		policy.check(password, PasswordPolicy.CONTACT_MINIMUM, email).ifPresent(key -> {
			throw new InvalidRequestException("password", key);
		});
	}

	private List<ContactAccessView> views(FirmId firm, ClientId client, List<ContactInfo> contacts) {
		var byContact = new HashMap<ContactId, PortalAccess>();
		accesses.findByClient(firm.value(), client.value()).forEach(a -> byContact.put(a.contact(), a));
		var identityIds = new LinkedHashSet<UUID>();
		byContact.values().forEach(a -> identityIds.add(a.identity().value()));
		Map<PortalIdentityId, PortalIdentity> byIdentity = new HashMap<>();
		if (!identityIds.isEmpty()) {
			identities.findAllInFirm(firm.value(), identityIds).forEach(i -> byIdentity.put(i.id(), i));
		}
		return contacts.stream().map(c -> view(c, byContact.get(c.id()), byContact.get(c.id()) == null ? null
				: byIdentity.get(byContact.get(c.id()).identity()))).toList();
	}

	private ContactAccessView view(FirmId firm, ContactInfo info) {
		var access = accesses.findInFirm(firm.value(), info.id().value());
		return view(info, access.orElse(null), access.map(this::identityOf).orElse(null));
	}

	private static ContactAccessView view(ContactInfo info, PortalAccess access, PortalIdentity identity) {
		if (access == null) {
			return new ContactAccessView(info.id(), info.name(), info.email(), null, PortalAccessStatus.NO_ACCESS, null,
					false);
		}
		return new ContactAccessView(info.id(), info.name(), info.email(), access.role(), access.status(),
				access.lastSignInAt(), identity != null && identity.hasPassword());
	}

	private static ContactInfo info(ContactView contact) {
		return new ContactInfo(contact.id(), contact.client(), contact.name(), contact.email());
	}

	private Optional<FirmView> firm(String slug) {
		if (slug == null || slug.isBlank() || slug.length() > 63) {
			return Optional.empty();
		}
		return firms.findBySlug(slug.strip());
	}

	private static List<String> signInRoles() {
		return java.util.Arrays.stream(PortalRole.values()).filter(PortalRole::signsIn).map(Enum::name).toList();
	}

	private static String clip(String address) {
		return address.length() > 254 ? address.substring(0, 254) : address;
	}

	private static InvalidRequestException invalidLink() {
		return new InvalidRequestException(null, "portal.link.invalid");
	}

	/** Saves an access; the "Switch company" menus remembered here are built again. */
	private PortalAccess saveAccess(PortalAccess access) {
		otherFirms.clearAfterCommit();
		return accesses.save(access);
	}
}

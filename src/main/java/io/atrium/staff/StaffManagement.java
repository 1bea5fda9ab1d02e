package io.atrium.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.platform.PasswordPolicy;
import io.atrium.platform.ShortLivedCache;
import io.atrium.firm.FirmId;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffTokenStore.Purpose;
import io.atrium.staff.StaffTokenStore.State;

/** Staff accounts: setup, invitations, passwords, roles and deactivation. Authorization is checked here. */
@Service
public class StaffManagement {

	static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
	static final Duration RESET_LIFETIME = Duration.ofHours(1);

	/** What a person does with a setup or sign-up form. */
	public record NewFirm(String firmName, String slug, String ownerName, String email, String password,
			boolean demoData) {
	}

	/** Where a single-use link stands, for the page that opens it. */
	public enum LinkState {
		VALID, EXPIRED, USED, UNKNOWN
	}

	private final StaffRepository staff;
	private final StaffTokenStore tokens;
	private final StaffSessions sessions;
	private final FirmManagement firms;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final DemoStaff demo;
	private final TeamRepository teams;
	private final Principals principals;
	private final StaffDirectory directory;
	private final ShortLivedCache<FirmId, List<StaffView>> activeStaff = new ShortLivedCache<>(10_000);

	StaffManagement(StaffRepository staff, StaffTokenStore tokens, StaffSessions sessions, FirmManagement firms,
			PasswordEncoder encoder, PasswordPolicy policy, ApplicationEventPublisher events, Clock clock,
			DemoStaff demo, TeamRepository teams, Principals principals, StaffDirectory directory) {
		this.staff = staff;
		this.tokens = tokens;
		this.sessions = sessions;
		this.firms = firms;
		this.encoder = encoder;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
		this.demo = demo;
		this.teams = teams;
		this.principals = principals;
		this.directory = directory;
	}

	/** First-run setup: only while no firm exists; afterwards it does not exist (404). */
	@Transactional
	public StaffView setUp(NewFirm form) {
		if (firms.anyFirmExists()) {
			throw new NotFoundException("setup");
		}
		return createFirm(form);
	}

	/** Self-sign-up of another firm, when the host allows it (atrium.signup.enabled). */
	@Transactional
	public StaffView signUp(NewFirm form) {
		return createFirm(form);
	}

	private StaffView createFirm(NewFirm form) {
		var email = StaffUser.normalizeEmail(form.email());
		checkPassword(form.password(), email);
		if (staff.findByEmail(email).isPresent()) {
			throw new InvalidRequestException("email", "staff.email.taken");
		}
		var firm = firms.create(form.firmName(), form.slug());
		var owner = saveStaff(StaffUser.owner(firm.id(), email, form.ownerName(), encoder.encode(form.password()),
				clock.instant()));
		for (var kind : BuiltInTeam.values()) {
			teams.save(Team.builtIn(firm.id(), kind, clock.instant()));
		}
		if (form.demoData()) {
			demo.fill(firm.id(), owner);
		}
		events.publishEvent(new FirmSetUp(firm.id(), owner.id(), email, form.demoData()));
		return owner.view();
	}

	@Transactional(readOnly = true)
	public List<StaffView> list(StaffPrincipal actor) {
		return directory.all(actor.firm());
	}

	/**
	 * The firm's active staff by name, as of a few seconds ago at most on other nodes (every client list page asks,
	 * for its pickers; see {@link ShortLivedCache}).
	 */
	public List<StaffView> listActive(FirmId firm) {
		return activeStaff.value(firm, key -> List.copyOf(directory.active(key)));
	}

	/** The active staff among {@code ids} in the firm (others, and other firms' staff, are left out), by name. */
	@Transactional(readOnly = true)
	public List<StaffView> activeAmong(FirmId firm, java.util.Collection<StaffId> ids) {
		// only the people asked for, not the whole firm: this runs for every piece of client activity
		return directory.activeAmong(firm, ids);
	}

	@Transactional(readOnly = true)
	public StaffView get(StaffPrincipal actor, StaffId id) {
		return find(actor.firm(), id).view();
	}

	/**
	 * Invites a colleague by email. Owners and Admins invite; only an Owner may invite another Owner. Inviting an
	 * address that is already invited to this firm sends a fresh link and retires the old one.
	 */
	@Transactional
	public StaffView invite(StaffPrincipal actor, String email, String name, FirmRole role) {
		requireManager(actor);
		if (role == FirmRole.OWNER && actor.role() != FirmRole.OWNER) {
			throw new InvalidRequestException("role", "staff.role.owner-only");
		}
		var normalized = StaffUser.normalizeEmail(email);
		var existing = staff.findByEmail(normalized);
		StaffUser user;
		if (existing.isPresent()) {
			user = existing.get();
			if (!user.firm().equals(actor.firm()) || user.status() != StaffStatus.INVITED) {
				throw new InvalidRequestException("email", "staff.email.taken");
			}
			user.changeRole(role);
			user = saveStaff(user);
		}
		else {
			user = saveStaff(StaffUser.invited(actor.firm(), normalized, name, role, clock.instant()));
		}
		sendInvitation(actor, user);
		return user.view();
	}

	@Transactional
	public StaffView resendInvitation(StaffPrincipal actor, StaffId id) {
		requireManager(actor);
		var user = find(actor.firm(), id);
		if (user.status() != StaffStatus.INVITED) {
			throw new InvalidRequestException(null, "staff.invitation.not-pending");
		}
		sendInvitation(actor, user);
		return user.view();
	}

	private void sendInvitation(StaffPrincipal actor, StaffUser user) {
		var now = clock.instant();
		var expires = now.plus(INVITATION_LIFETIME);
		var token = tokens.issue(user.id(), user.firm(), Purpose.INVITATION, now, expires);
		events.publishEvent(new StaffInvited(user.firm(), user.id(), user.email(), user.name(), user.role(),
				actor.id(), actor.name(), token.value(), expires));
	}

	@Transactional(readOnly = true)
	public LinkState invitationState(String token) {
		return linkState(tokens.state(token, Purpose.INVITATION, clock.instant()));
	}

	/** The invited person's email and name, to show on the accept page; empty unless the link is valid. */
	@Transactional(readOnly = true)
	public Optional<StaffView> invitee(String token) {
		if (invitationState(token) != LinkState.VALID) {
			return Optional.empty();
		}
		return tokens.owner(token, Purpose.INVITATION).flatMap(id -> staff.findById(id.value())).map(StaffUser::view);
	}

	/** Spends the invitation link and sets the first password; the token is checked before the password. */
	@Transactional
	public StaffView acceptInvitation(String token, String name, String password) {
		var id = tokens.owner(token, Purpose.INVITATION).filter(x -> invitationState(token) == LinkState.VALID)
			.orElseThrow(() -> new InvalidRequestException(null, "staff.link.invalid"));
		var user = staff.findById(id.value()).orElseThrow(() -> new NotFoundException("staff"));
		checkPassword(password, user.email());
		if (tokens.consume(token, Purpose.INVITATION, clock.instant()).isEmpty()
				|| user.status() != StaffStatus.INVITED) {
			throw new InvalidRequestException(null, "staff.link.invalid");
		}
		user.acceptInvitation(name, encoder.encode(password));
		saveStaff(user);
		events.publishEvent(new StaffInvitationAccepted(user.firm(), user.id(), user.email()));
		return user.view();
	}

	/**
	 * Sends a reset link when the address belongs to an active staff user. The caller answers the same way
	 * whatever happens, so the page never tells whether an address has an account.
	 */
	@Transactional
	public void requestPasswordReset(String email) {
		staff.findByEmail(StaffUser.normalizeEmail(email))
			.filter(u -> u.status() == StaffStatus.ACTIVE)
			.ifPresent(user -> {
				var now = clock.instant();
				var expires = now.plus(RESET_LIFETIME);
				var token = tokens.issue(user.id(), user.firm(), Purpose.PASSWORD_RESET, now, expires);
				events.publishEvent(new StaffPasswordResetRequested(user.firm(), user.id(), user.email(),
						user.name(), token.value(), expires));
			});
	}

	@Transactional(readOnly = true)
	public LinkState resetState(String token) {
		return linkState(tokens.state(token, Purpose.PASSWORD_RESET, clock.instant()));
	}

	/** Spends the reset link, sets the password, lifts a lock and ends every session of the account. */
	@Transactional
	public void resetPassword(String token, String password) {
		var id = tokens.owner(token, Purpose.PASSWORD_RESET).filter(x -> resetState(token) == LinkState.VALID)
			.orElseThrow(() -> new InvalidRequestException(null, "staff.link.invalid"));
		var user = staff.findById(id.value()).orElseThrow(() -> new NotFoundException("staff"));
		checkPassword(password, user.email());
		if (tokens.consume(token, Purpose.PASSWORD_RESET, clock.instant()).isEmpty()
				|| user.status() != StaffStatus.ACTIVE) {
			throw new InvalidRequestException(null, "staff.link.invalid");
		}
		user.setPassword(encoder.encode(password));
		saveStaff(user);
		sessions.endAll(user.email());
		events.publishEvent(new StaffPasswordReset(user.firm(), user.id(), user.email()));
	}

	@Transactional
	public void changePassword(StaffPrincipal actor, String current, String password) {
		var user = find(actor.firm(), actor.id());
		if (current == null || !encoder.matches(current, user.passwordHash())) {
			throw new InvalidRequestException("currentPassword", "staff.password.current-wrong");
		}
		checkPassword(password, user.email());
		user.setPassword(encoder.encode(password));
		saveStaff(user);
		events.publishEvent(new StaffPasswordChanged(user.firm(), user.id(), user.email()));
	}

	/** Deactivates a colleague: they cannot sign in and their live sessions end at once, on every node. */
	@Transactional
	public StaffView deactivate(StaffPrincipal actor, StaffId id) {
		var user = manageable(actor, id);
		if (user.id().equals(actor.id())) {
			throw new InvalidRequestException(null, "staff.deactivate.self");
		}
		if (user.status() == StaffStatus.DEACTIVATED) {
			return user.view();
		}
		if (user.role() == FirmRole.OWNER && user.status() == StaffStatus.ACTIVE
				&& staff.countActiveOwners(actor.firm().value()) <= 1) {
			throw new InvalidRequestException(null, "staff.owner.last");
		}
		user.deactivate();
		saveStaff(user);
		sessions.endAll(user.email());
		events.publishEvent(new StaffDeactivated(user.firm(), user.id(), user.email(), actor.id()));
		return user.view();
	}

	@Transactional
	public StaffView reactivate(StaffPrincipal actor, StaffId id) {
		var user = manageable(actor, id);
		if (user.status() != StaffStatus.DEACTIVATED) {
			return user.view();
		}
		user.reactivate();
		saveStaff(user);
		events.publishEvent(new StaffReactivated(user.firm(), user.id(), user.email(), actor.id()));
		return user.view();
	}

	/** Changes a firm role; only Owners grant or take away Owner, and a firm always keeps an active Owner. */
	@Transactional
	public StaffView changeRole(StaffPrincipal actor, StaffId id, FirmRole role) {
		var user = manageable(actor, id);
		var from = user.role();
		if (from == role) {
			return user.view();
		}
		if (role == FirmRole.OWNER && actor.role() != FirmRole.OWNER) {
			throw new InvalidRequestException("role", "staff.role.owner-only");
		}
		if (from == FirmRole.OWNER && user.status() == StaffStatus.ACTIVE
				&& staff.countActiveOwners(actor.firm().value()) <= 1) {
			throw new InvalidRequestException("role", "staff.owner.last");
		}
		user.changeRole(role);
		saveStaff(user);
		events.publishEvent(new StaffRoleChanged(user.firm(), user.id(), user.email(), from, role, actor.id()));
		return user.view();
	}

	/**
	 * The current principal of an active staff user, for the per-request refresh; empty when they may not sign in.
	 * One statement, so no transaction of its own.
	 */
	public Optional<StaffPrincipal> activePrincipal(StaffId id) {
		return principals.active(id);
	}

	/** Active staff of the firm who may hold {@code role}: Owners, Admins and members of teams granting its permission. */
	@Transactional(readOnly = true)
	public List<StaffView> eligible(FirmId firm, AssignmentRole role) {
		var needed = Permission.eligibleFor(role);
		var granted = new java.util.HashSet<StaffId>();
		for (var team : teams.findAllInFirm(firm.value())) {
			if (team.permissions().contains(needed)) {
				granted.addAll(team.members());
			}
		}
		return directory.active(firm).stream()
			.filter(u -> u.role().managesFirm() || granted.contains(u.id()))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean isEligible(FirmId firm, StaffId staffId, AssignmentRole role) {
		return eligible(firm, role).stream().anyMatch(v -> v.id().equals(staffId));
	}

	/** The firm's teams with their permissions and members (Owners and Admins). */
	@Transactional(readOnly = true)
	public List<TeamView> teams(StaffPrincipal actor) {
		requireManager(actor);
		var people = new java.util.HashMap<StaffId, StaffView>();
		directory.all(actor.firm()).forEach(u -> people.put(u.id(), u));
		return teams.findAllInFirm(actor.firm().value()).stream()
			.map(t -> new TeamView(t.id(), t.name(), t.kind(), t.permissions(), t.members().stream()
				.map(people::get)
				.filter(java.util.Objects::nonNull)
				.sorted(java.util.Comparator.comparing(StaffView::name, String.CASE_INSENSITIVE_ORDER))
				.toList()))
			.toList();
	}

	@Transactional
	public TeamView createTeam(StaffPrincipal actor, String name, java.util.Set<Permission> permissions) {
		requireManager(actor);
		if (teams.existsByFirmIdAndName(actor.firm().value(), name.strip())) {
			throw new InvalidRequestException("name", "team.name.taken");
		}
		var team = teams.save(Team.custom(actor.firm(), name, permissions, clock.instant()));
		events.publishEvent(new TeamCreated(actor.firm(), team.id(), team.name(), actor.id()));
		return view(actor, team);
	}

	/** Changes a team's permissions (and, for the firm's own teams, its name); members feel it on their next request. */
	@Transactional
	public TeamView updateTeam(StaffPrincipal actor, java.util.UUID teamId, String name,
			java.util.Set<Permission> permissions) {
		requireManager(actor);
		var team = team(actor, teamId);
		var before = team.permissions();
		if (!team.isBuiltIn() && name != null && !name.isBlank() && !name.strip().equals(team.name())) {
			if (teams.existsByFirmIdAndName(actor.firm().value(), name.strip())) {
				throw new InvalidRequestException("name", "team.name.taken");
			}
			team.rename(name);
		}
		team.grant(permissions);
		teams.save(team);
		events.publishEvent(new TeamChanged(actor.firm(), team.id(), team.name(),
				"permissions " + Team.encode(before) + " -> " + Team.encode(team.permissions()), actor.id()));
		return view(actor, team);
	}

	@Transactional
	public void deleteTeam(StaffPrincipal actor, java.util.UUID teamId) {
		requireManager(actor);
		var team = team(actor, teamId);
		if (team.isBuiltIn()) {
			throw new InvalidRequestException(null, "team.built-in-delete");
		}
		teams.delete(team);
		events.publishEvent(new TeamDeleted(actor.firm(), team.id(), team.name(), actor.id()));
	}

	@Transactional
	public TeamView addToTeam(StaffPrincipal actor, java.util.UUID teamId, StaffId member) {
		requireManager(actor);
		var team = team(actor, teamId);
		var user = find(actor.firm(), member);
		if (!team.members().contains(user.id())) {
			team.add(user.id());
			teams.save(team);
			events.publishEvent(new TeamMembershipChanged(actor.firm(), team.id(), team.name(), user.id(), true, actor.id()));
		}
		return view(actor, team);
	}

	@Transactional
	public TeamView removeFromTeam(StaffPrincipal actor, java.util.UUID teamId, StaffId member) {
		requireManager(actor);
		var team = team(actor, teamId);
		if (team.members().contains(member)) {
			team.remove(member);
			teams.save(team);
			events.publishEvent(new TeamMembershipChanged(actor.firm(), team.id(), team.name(), member, false, actor.id()));
		}
		return view(actor, team);
	}

	private Team team(StaffPrincipal actor, java.util.UUID teamId) {
		return teams.findInFirm(actor.firm().value(), teamId).orElseThrow(() -> new NotFoundException("team"));
	}

	private TeamView view(StaffPrincipal actor, Team team) {
		return teams(actor).stream().filter(t -> t.id().equals(team.id())).findFirst().orElseThrow();
	}

	private StaffUser manageable(StaffPrincipal actor, StaffId id) {
		requireManager(actor);
		var user = find(actor.firm(), id);
		if (user.role() == FirmRole.OWNER && actor.role() != FirmRole.OWNER) {
			throw new InvalidRequestException(null, "staff.role.owner-only");
		}
		return user;
	}

	private StaffUser find(FirmId firm, StaffId id) {
		return staff.findInFirm(firm.value(), id.value()).orElseThrow(() -> new NotFoundException("staff"));
	}

	private static void requireManager(StaffPrincipal actor) {
		if (!actor.managesFirm()) {
			throw new AccessDeniedException("Owners and Admins manage staff");
		}
	}

	private void checkPassword(String password, String email) {
		policy.check(password, PasswordPolicy.STAFF_MINIMUM, email).ifPresent(key -> {
			throw new InvalidRequestException("password", key);
		});
	}

	private static LinkState linkState(State state) {
		return LinkState.valueOf(state.name());
	}

	private StaffUser saveStaff(StaffUser user) {
		activeStaff.clearAfterCommit();
		return staff.save(user);
	}
}

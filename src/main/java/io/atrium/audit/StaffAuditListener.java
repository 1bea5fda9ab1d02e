package io.atrium.audit;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmCreated;
import io.atrium.firm.FirmRebranded;
import io.atrium.staff.FirmRole;
import io.atrium.staff.FirmSetUp;
import io.atrium.staff.TeamChanged;
import io.atrium.staff.TeamCreated;
import io.atrium.staff.TeamDeleted;
import io.atrium.staff.TeamMembershipChanged;
import io.atrium.staff.StaffDeactivated;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffInvitationAccepted;
import io.atrium.staff.StaffInvited;
import io.atrium.staff.StaffPasswordChanged;
import io.atrium.staff.StaffPasswordReset;
import io.atrium.staff.StaffPasswordResetRequested;
import io.atrium.staff.StaffReactivated;
import io.atrium.staff.StaffRoleChanged;
import io.atrium.staff.StaffSignInFailed;
import io.atrium.staff.StaffSignedIn;
import io.atrium.staff.StaffSignedOut;

/**
 * Records the firm and staff events. The listeners are synchronous, unlike Atrium's other cross-module listeners:
 * an entry must commit or roll back with the change it records, and the request's address and browser are only at
 * hand on the request's thread. Summaries are written in English once, as an audit record must not change later.
 */
@Component
class StaffAuditListener {

	private final AuditLog log;

	StaffAuditListener(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(FirmCreated event) {
		var actor = StaffActors.current();
		log.record(new AuditEntry(event.firm(), actor == null ? null : actor.id().value(),
				actor == null ? null : actor.email(), AuditActions.FIRM_CREATED, event.firm().toString(),
				event.name() + " (" + event.slug() + ")"));
	}

	@EventListener
	void on(FirmRebranded event) {
		var actor = StaffActors.current();
		log.record(new AuditEntry(event.firm(), actor == null ? null : actor.id().value(),
				actor == null ? null : actor.email(), AuditActions.FIRM_REBRANDED, event.firm().toString(),
				event.name() + ", accent " + event.accentColour()));
	}

	@EventListener
	void on(FirmSetUp event) {
		log.record(new AuditEntry(event.firm(), event.owner().value(), event.ownerEmail(), AuditActions.FIRM_SET_UP,
				event.firm().toString(),
				"Owner " + event.ownerEmail() + (event.demoData() ? ", with demo data" : "")));
	}

	/** The link token in the event is never recorded. */
	@EventListener
	void on(StaffInvited event) {
		log.record(new AuditEntry(event.firm(), idOf(event.invitedBy()),
				StaffActors.label(event.invitedBy(), event.invitedByName()), AuditActions.STAFF_INVITED,
				event.staff().toString(), event.name() + " <" + event.email() + "> as " + roleName(event.role())));
	}

	@EventListener
	void on(StaffInvitationAccepted event) {
		log.record(new AuditEntry(event.firm(), event.staff().value(), event.email(),
				AuditActions.STAFF_INVITATION_ACCEPTED, event.staff().toString(), null));
	}

	/**
	 * Anyone can ask for a reset link for any address, so the actor is only known when a signed-in colleague asked;
	 * the link token in the event is never recorded.
	 */
	@EventListener
	void on(StaffPasswordResetRequested event) {
		var actor = StaffActors.current();
		log.record(new AuditEntry(event.firm(), actor == null ? null : actor.id().value(),
				actor == null ? null : actor.email(), AuditActions.STAFF_PASSWORD_RESET_REQUESTED,
				event.staff().toString(), "Reset link sent to " + event.email()));
	}

	@EventListener
	void on(StaffPasswordReset event) {
		log.record(self(event.firm(), event.staff(), event.email(), AuditActions.STAFF_PASSWORD_RESET, null));
	}

	@EventListener
	void on(StaffPasswordChanged event) {
		log.record(self(event.firm(), event.staff(), event.email(), AuditActions.STAFF_PASSWORD_CHANGED, null));
	}

	@EventListener
	void on(StaffSignedIn event) {
		log.record(self(event.firm(), event.staff(), event.email(), AuditActions.STAFF_SIGNED_IN, null));
	}

	/** Recorded even for unknown addresses (without a firm, so that no firm sees them), to show guessing. */
	@EventListener
	void on(StaffSignInFailed event) {
		log.record(new AuditEntry(event.firm(), event.staff() == null ? null : event.staff().value(), event.email(),
				AuditActions.STAFF_SIGN_IN_FAILED, event.staff() == null ? null : event.staff().toString(),
				failureReason(event.reason(), event.staff() != null)));
	}

	@EventListener
	void on(StaffSignedOut event) {
		log.record(self(event.firm(), event.staff(), event.email(), AuditActions.STAFF_SIGNED_OUT, null));
	}

	@EventListener
	void on(StaffDeactivated event) {
		log.record(StaffActors.entry(event.firm(), event.by(), AuditActions.STAFF_DEACTIVATED,
				event.staff().toString(), event.email()));
	}

	@EventListener
	void on(StaffReactivated event) {
		log.record(StaffActors.entry(event.firm(), event.by(), AuditActions.STAFF_REACTIVATED,
				event.staff().toString(), event.email()));
	}

	@EventListener
	void on(StaffRoleChanged event) {
		log.record(StaffActors.entry(event.firm(), event.by(), AuditActions.STAFF_ROLE_CHANGED,
				event.staff().toString(),
				event.email() + ": " + roleName(event.from()) + " → " + roleName(event.to())));
	}

	@EventListener
	void on(TeamCreated event) {
		log.record(StaffActors.entry(event.firm(), event.by(), AuditActions.TEAM_CREATED,
				event.team().toString(), event.name()));
	}

	@EventListener
	void on(TeamChanged event) {
		log.record(StaffActors.entry(event.firm(), event.by(), AuditActions.TEAM_CHANGED,
				event.team().toString(), event.name() + ": " + event.change()));
	}

	@EventListener
	void on(TeamDeleted event) {
		log.record(StaffActors.entry(event.firm(), event.by(), AuditActions.TEAM_DELETED,
				event.team().toString(), event.name()));
	}

	@EventListener
	void on(TeamMembershipChanged event) {
		log.record(StaffActors.entry(event.firm(), event.by(),
				event.joined() ? AuditActions.TEAM_MEMBER_ADDED : AuditActions.TEAM_MEMBER_REMOVED,
				event.staff().toString(), event.teamName()));
	}

	private static AuditEntry self(io.atrium.firm.FirmId firm, StaffId staff, String email, String action,
			String summary) {
		return new AuditEntry(firm, staff.value(), email, action, staff.toString(), summary);
	}

	/** A missing actor must not fail the change being recorded: the entry is written without one. */
	private static UUID idOf(StaffId staff) {
		return staff == null ? null : staff.value();
	}


	private static String roleName(FirmRole role) {
		if (role == null) {
			return "?";
		}
		var name = role.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** An address known to the firm without a password is an invitation not yet accepted. */
	private static String failureReason(String reason, boolean knownAddress) {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case "unknown" -> knownAddress ? "Invitation not accepted yet" : "Unknown address";
			case "password" -> "Wrong password";
			case "locked" -> "Account locked";
			case "deactivated" -> "Account deactivated";
			case "throttled" -> "Too many attempts from this address";
			default -> reason;
		};
	}
}

package io.atrium.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.access.PortalAccessEnabled;
import io.atrium.access.PortalAccessReenabled;
import io.atrium.access.PortalAccessRemoved;
import io.atrium.access.PortalAccessRevoked;
import io.atrium.access.PortalActor;
import io.atrium.access.PortalInvitationAccepted;
import io.atrium.access.PortalInvitationSent;
import io.atrium.access.PortalMagicLinkRequested;
import io.atrium.access.PortalPasswordGenerated;
import io.atrium.access.PortalPasswordReset;
import io.atrium.access.PortalPasswordResetRequested;
import io.atrium.access.PortalRole;
import io.atrium.access.PortalRoleChanged;
import io.atrium.access.PortalSettings;
import io.atrium.access.PortalSettingsChanged;
import io.atrium.access.PortalSignInFailed;
import io.atrium.access.PortalSignedIn;
import io.atrium.access.PortalSignedOut;
import io.atrium.firm.FirmId;

/**
 * Records the portal access events: every change of a contact's access, by staff or by an Owner contact in the
 * portal, and the contacts' sign-ins, links and sign-outs. Synchronous for the same reasons as
 * {@link StaffAuditListener}. Link tokens and passwords are never recorded. Labels of these actions are
 * {@code audit.action.<name>} in {@code messages/access.properties}.
 */
@Component
class PortalAuditListener {

	static final String INVITED = "portal.invited";
	static final String INVITATION_RESENT = "portal.invitation-resent";
	static final String INVITATION_ACCEPTED = "portal.invitation-accepted";
	static final String ACCESS_ENABLED = "portal.access-enabled";
	static final String ROLE_CHANGED = "portal.role-changed";
	static final String ACCESS_REVOKED = "portal.access-revoked";
	static final String ACCESS_REENABLED = "portal.access-reenabled";
	static final String ACCESS_REMOVED = "portal.access-removed";
	static final String PASSWORD_GENERATED = "portal.password-generated";
	static final String PASSWORD_RESET_REQUESTED = "portal.password-reset-requested";
	static final String PASSWORD_RESET = "portal.password-reset";
	static final String MAGIC_LINK_REQUESTED = "portal.magic-link-requested";
	static final String SIGNED_IN = "portal.signed-in";
	static final String SIGN_IN_FAILED = "portal.sign-in-failed";
	static final String SIGNED_OUT = "portal.signed-out";
	static final String SETTINGS_CHANGED = "portal.settings-changed";

	private final AuditLog log;

	PortalAuditListener(AuditLog log) {
		this.log = log;
	}

	/** The personal note is the firm's own words to the contact; its length is recorded, the token never. */
	@EventListener
	void on(PortalInvitationSent event) {
		var note = event.note() == null ? "" : ", with a personal note";
		record(event.firm(), event.by(), event.resent() ? INVITATION_RESENT : INVITED, event.contact().toString(),
				person(event.contactName(), event.email()) + " of " + event.clientName() + " as " + role(event.role())
						+ note);
	}

	@EventListener
	void on(PortalInvitationAccepted event) {
		contact(event.firm(), event.email(), INVITATION_ACCEPTED, event.contact().toString(), null);
	}

	@EventListener
	void on(PortalAccessEnabled event) {
		record(event.firm(), event.by(), ACCESS_ENABLED, event.contact().toString(),
				event.email() + " as " + role(event.role()));
	}

	@EventListener
	void on(PortalRoleChanged event) {
		record(event.firm(), event.by(), ROLE_CHANGED, event.contact().toString(),
				event.email() + ": " + role(event.from()) + " \u2192 " + role(event.to()));
	}

	@EventListener
	void on(PortalAccessRevoked event) {
		record(event.firm(), event.by(), ACCESS_REVOKED, event.contact().toString(), event.email());
	}

	@EventListener
	void on(PortalAccessReenabled event) {
		record(event.firm(), event.by(), ACCESS_REENABLED, event.contact().toString(),
				event.email() + " as " + role(event.role()));
	}

	@EventListener
	void on(PortalAccessRemoved event) {
		var why = switch (event.reason()) {
			case "contact-deleted" -> " (contact deleted)";
			case "email-changed" -> " (contact's email changed)";
			default -> "";
		};
		record(event.firm(), event.by(), ACCESS_REMOVED, event.contact().toString(), event.email() + why);
	}

	/** That a password was generated, and for whom; the password itself is not in the event. */
	@EventListener
	void on(PortalPasswordGenerated event) {
		record(event.firm(), event.by(), PASSWORD_GENERATED, event.contact().toString(),
				event.email() + (event.reset() ? " (reset)" : ""));
	}

	@EventListener
	void on(PortalPasswordResetRequested event) {
		contact(event.firm(), event.email(), PASSWORD_RESET_REQUESTED, event.identity().toString(),
				"Reset link sent to " + event.email());
	}

	@EventListener
	void on(PortalPasswordReset event) {
		contact(event.firm(), event.email(), PASSWORD_RESET, event.identity().toString(), null);
	}

	@EventListener
	void on(PortalMagicLinkRequested event) {
		contact(event.firm(), event.email(), MAGIC_LINK_REQUESTED, event.identity().toString(),
				"Sign-in link sent to " + event.email());
	}

	@EventListener
	void on(PortalSignedIn event) {
		contact(event.firm(), event.email(), SIGNED_IN, event.identity().toString(), "with " + method(event.method()));
	}

	/** Recorded for unknown addresses too (within the firm whose portal was tried), to show guessing. */
	@EventListener
	void on(PortalSignInFailed event) {
		contact(event.firm(), event.email(), SIGN_IN_FAILED, null, failure(event.reason()));
	}

	@EventListener
	void on(PortalSignedOut event) {
		contact(event.firm(), event.email(), SIGNED_OUT, event.identity().toString(), null);
	}

	@EventListener
	void on(PortalSettingsChanged event) {
		record(event.firm(), event.by(), SETTINGS_CHANGED, event.firm().toString(),
				settings(event.before()) + " \u2192 " + settings(event.after()));
	}

	private void record(FirmId firm, PortalActor by, String action, String subject, String summary) {
		var staff = by == null || by.staff() == null ? null : by.staff().value();
		var label = by == null ? null : by.email() != null ? by.email() : staff == null ? null : staff.toString();
		var via = by != null && by.contact() != null ? " (in the portal)" : "";
		log.record(new AuditEntry(firm, staff, label, action, subject, summary == null ? null : summary + via));
	}

	private void contact(FirmId firm, String email, String action, String subject, String summary) {
		log.record(new AuditEntry(firm, null, email, action, subject, summary));
	}

	private static String person(String name, String email) {
		return name + " <" + email + ">";
	}

	private static String role(PortalRole role) {
		return switch (role) {
			case OWNER -> "Owner";
			case EDITOR -> "Editor";
			case VIEWER -> "Viewer";
			case SIGNER -> "Signer";
			case NOTIFY_ONLY -> "Notify-only";
		};
	}

	private static String method(String method) {
		return switch (method) {
			case "magic-link" -> "a sign-in link";
			case "invitation" -> "an invitation link";
			case "password-reset" -> "a password reset link";
			default -> "a password";
		};
	}

	private static String failure(String reason) {
		return switch (reason) {
			case "unknown" -> "Unknown address or no password";
			case "password" -> "Wrong password";
			case "locked" -> "Locked after repeated wrong passwords";
			case "no-access" -> "No portal access";
			case "method-not-allowed" -> "Password sign-in is switched off";
			case "throttled" -> "Too many attempts";
			case "link" -> "Invalid, used or expired sign-in link";
			default -> reason;
		};
	}

	private static String settings(PortalSettings settings) {
		return settings.signInMethods().name().toLowerCase().replace('_', ' ') + ", invitations "
				+ settings.invitationLifetimeHours() + " h, sign-in links " + settings.magicLinkLifetimeDays()
				+ " d, idle " + settings.idleTimeoutMinutes() + " min";
	}
}

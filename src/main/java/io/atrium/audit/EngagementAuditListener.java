package io.atrium.audit;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.atrium.engagement.AssignmentsBulkChanged;
import io.atrium.engagement.ClientAssignmentChanged;
import io.atrium.engagement.EngagementAssignmentChanged;
import io.atrium.engagement.EngagementOpened;
import io.atrium.engagement.EngagementStageChanged;
import io.atrium.engagement.EngagementSharedInPortal;
import io.atrium.engagement.EngagementUpdated;
import io.atrium.engagement.PortalItemShared;
import io.atrium.engagement.OnboardingDefaultsChanged;
import io.atrium.engagement.SettingsList;
import io.atrium.engagement.SettingsListChanged;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;

/**
 * Records the engagement module's events: engagements, stages, assignments, bulk assign, onboarding defaults and
 * the firm's lists. Synchronous for the same reasons as {@link StaffAuditListener}. People are named in summaries
 * as they were named at the time (an audit record must not change later); labels of these actions are
 * {@code audit.action.<name>} in {@code messages/engagement.properties}.
 */
@Component
class EngagementAuditListener {

	static final String ENGAGEMENT_OPENED = "engagement.opened";
	static final String ENGAGEMENT_UPDATED = "engagement.updated";
	static final String ENGAGEMENT_STAGE_CHANGED = "engagement.stage-changed";
	static final String CLIENT_ASSIGNMENT_CHANGED = "engagement.client-assignment-changed";
	static final String ENGAGEMENT_ASSIGNMENT_CHANGED = "engagement.assignment-changed";
	static final String ASSIGNMENTS_BULK_CHANGED = "engagement.assignments-bulk-changed";
	static final String ONBOARDING_DEFAULT_CHANGED = "engagement.onboarding-default-changed";
	static final String STAGES_CHANGED = "engagement.stages-changed";
	static final String TYPES_CHANGED = "engagement.types-changed";
	static final String SHARED_IN_PORTAL = "engagement.shared-in-portal";
	static final String UNSHARED_FROM_PORTAL = "engagement.unshared-from-portal";
	static final String ITEM_SHARED = "portal.item-shared";

	private static final Object NAMES = new Object();

	private final AuditLog log;
	private final StaffManagement staff;

	EngagementAuditListener(AuditLog log, StaffManagement staff) {
		this.log = log;
		this.staff = staff;
	}

	@EventListener
	void on(EngagementOpened event) {
		record(event.firm(), event.by(), ENGAGEMENT_OPENED, event.engagement().toString(),
				event.name() + " (" + event.type() + ", " + event.stage() + ") for client " + event.client());
	}

	@EventListener
	void on(EngagementSharedInPortal event) {
		record(event.firm(), event.by(), event.shared() ? SHARED_IN_PORTAL : UNSHARED_FROM_PORTAL,
				event.engagement().toString(), event.name() + " (client " + event.client() + ")");
	}

	@EventListener
	void on(PortalItemShared event) {
		record(event.firm(), event.by(), ITEM_SHARED, event.item().toString(),
				event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " \"" + event.title() + "\" for client "
						+ event.client() + (event.engagement() == null ? "" : " in engagement " + event.engagement()));
	}

	@EventListener
	void on(EngagementUpdated event) {
		record(event.firm(), event.by(), ENGAGEMENT_UPDATED, event.engagement().toString(),
				event.name() + ": " + event.changes());
	}

	@EventListener
	void on(EngagementStageChanged event) {
		record(event.firm(), event.by(), ENGAGEMENT_STAGE_CHANGED, event.engagement().toString(),
				event.name() + ": " + event.from() + " → " + event.to());
	}

	@EventListener
	void on(ClientAssignmentChanged event) {
		record(event.firm(), event.by(), CLIENT_ASSIGNMENT_CHANGED, event.client().toString(),
				role(event.role()) + ": " + person(event.firm(), event.from(), "nobody") + " → "
						+ person(event.firm(), event.to(), "nobody"));
	}

	@EventListener
	void on(EngagementAssignmentChanged event) {
		record(event.firm(), event.by(), ENGAGEMENT_ASSIGNMENT_CHANGED, event.engagement().toString(),
				role(event.role()) + ": " + person(event.firm(), event.from(), "the client's") + " → "
						+ person(event.firm(), event.to(), "the client's") + " (client " + event.client() + ")");
	}

	@EventListener
	void on(AssignmentsBulkChanged event) {
		record(event.firm(), event.by(), ASSIGNMENTS_BULK_CHANGED, null,
				(event.onlyEmpty() ? "Smart assign" : "Bulk assign") + ": " + role(event.role()) + " → "
						+ person(event.firm(), event.staff(), "nobody") + "; " + event.changed() + " client(s) changed, "
						+ event.skipped() + " skipped");
	}

	@EventListener
	void on(OnboardingDefaultsChanged event) {
		record(event.firm(), event.by(), ONBOARDING_DEFAULT_CHANGED, null,
				"New " + event.clientType().name().toLowerCase(Locale.ROOT) + " clients, " + role(event.role()) + ": "
						+ person(event.firm(), event.from(), "nobody") + " → " + person(event.firm(), event.to(), "nobody"));
	}

	@EventListener
	void on(SettingsListChanged event) {
		var what = event.list() == SettingsList.PIPELINE_STAGES ? "Stage" : "Type";
		var summary = switch (event.change()) {
			case ADDED -> what + " added: " + event.name();
			case RENAMED -> what + " renamed: " + event.previousName() + " → " + event.name();
			case MOVED_UP -> what + " moved up: " + event.name();
			case MOVED_DOWN -> what + " moved down: " + event.name();
			case DELETED -> what + " deleted: " + event.name();
		};
		record(event.firm(), event.by(), event.list() == SettingsList.PIPELINE_STAGES ? STAGES_CHANGED : TYPES_CHANGED,
				null, summary);
	}

	private void record(FirmId firm, StaffId by, String action, String subject, String summary) {
		log.record(StaffActors.entry(firm, by, action, subject, summary));
	}

	private static String role(AssignmentRole role) {
		return switch (role) {
			case PREPARER -> "Preparer";
			case REVIEWER -> "Reviewer";
			case SIGNER -> "Signer";
			case ASSIGNED_TO -> "Assigned to";
		};
	}

	/**
	 * A colleague by name and email, looked up once per transaction: a CSV import may record thousands of
	 * assignments in one. Someone no longer active is named by id.
	 */
	private String person(FirmId firm, StaffId id, String none) {
		if (id == null) {
			return none;
		}
		return names(firm).getOrDefault(id, id.toString());
	}

	private Map<StaffId, String> names(FirmId firm) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return load(firm);
		}
		@SuppressWarnings("unchecked")
		var memo = (Map<FirmId, Map<StaffId, String>>) TransactionSynchronizationManager.getResource(NAMES);
		if (memo == null) {
			var fresh = new HashMap<FirmId, Map<StaffId, String>>();
			TransactionSynchronizationManager.bindResource(NAMES, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(NAMES);
				}
			});
			memo = fresh;
		}
		return memo.computeIfAbsent(firm, this::load);
	}

	private Map<StaffId, String> load(FirmId firm) {
		var names = new HashMap<StaffId, String>();
		staff.listActive(firm).forEach(s -> names.put(s.id(), s.name() + " <" + s.email() + ">"));
		return names;
	}

	/** The actor's email when they are the one signed in (the usual case); their id otherwise (demo data at setup). */
}

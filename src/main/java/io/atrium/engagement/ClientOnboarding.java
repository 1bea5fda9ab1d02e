package io.atrium.engagement;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.atrium.client.ClientCreated;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffView;

/**
 * Fills a new client's assignments from the firm's onboarding defaults for its type, in the creating transaction,
 * so that a client never exists without them. A default holder who may no longer hold the role is left out.
 */
@Component
class ClientOnboarding {

	private static final Object ELIGIBLE = new Object();

	private final OnboardingStore onboarding;
	private final ClientAssignmentStore assignments;
	private final StaffManagement staff;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ClientOnboarding(OnboardingStore onboarding, ClientAssignmentStore assignments, StaffManagement staff,
			ApplicationEventPublisher events, Clock clock) {
		this.onboarding = onboarding;
		this.assignments = assignments;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(ClientCreated event) {
		var defaults = onboarding.of(event.firm(), event.type());
		if (defaults.isEmpty()) {
			return;
		}
		var usable = new EnumMap<AssignmentRole, StaffId>(AssignmentRole.class);
		defaults.forEach((role, person) -> {
			if (eligible(event.firm(), role).contains(person)) {
				usable.put(role, person);
			}
		});
		for (var role : assignments.fillEmpty(event.firm(), event.client(), usable, clock.instant())) {
			events.publishEvent(new ClientAssignmentChanged(event.firm(), event.client(), role, null, usable.get(role),
					event.by()));
		}
	}

	/**
	 * Who may hold {@code role}, remembered for the rest of the transaction: an import creates many clients in one
	 * transaction, and eligibility does not change in between.
	 */
	private Set<StaffId> eligible(FirmId firm, AssignmentRole role) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return ids(firm, role);
		}
		@SuppressWarnings("unchecked")
		var memo = (Map<String, Set<StaffId>>) TransactionSynchronizationManager.getResource(ELIGIBLE);
		if (memo == null) {
			var fresh = new HashMap<String, Set<StaffId>>();
			TransactionSynchronizationManager.bindResource(ELIGIBLE, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ELIGIBLE);
				}
			});
			memo = fresh;
		}
		return memo.computeIfAbsent(firm + "/" + role, key -> ids(firm, role));
	}

	private Set<StaffId> ids(FirmId firm, AssignmentRole role) {
		return staff.eligible(firm, role).stream().map(StaffView::id).collect(Collectors.toSet());
	}
}

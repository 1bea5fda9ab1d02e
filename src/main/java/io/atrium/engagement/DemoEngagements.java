package io.atrium.engagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientType;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.FirmRole;
import io.atrium.staff.FirmSetUp;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffView;

/**
 * A demo firm's assignments and engagements. Before the client module creates the demo clients, onboarding
 * defaults are set (so each client is created with its team, as a real firm's would be); after it, every client
 * gets a return or two, spread over the pipeline, with a few engagement-level overrides.
 */
@Component
class DemoEngagements {

	private final OnboardingStore onboarding;
	private final SettingsLists lists;
	private final EngagementQueries queries;
	private final EngagementRepository engagements;
	private final EngagementSharing sharing;
	private final StaffManagement staff;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DemoEngagements(OnboardingStore onboarding, SettingsLists lists, EngagementQueries queries,
			EngagementRepository engagements, EngagementSharing sharing, StaffManagement staff, ApplicationEventPublisher events, Clock clock) {
		this.onboarding = onboarding;
		this.lists = lists;
		this.queries = queries;
		this.engagements = engagements;
		this.sharing = sharing;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
	}

	/** Runs before the client module's listener of the same event, which creates the demo clients. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void defaults(FirmSetUp event) {
		if (!event.demoData()) {
			return;
		}
		var firm = event.firm();
		var preparers = members(firm, AssignmentRole.PREPARER);
		var signers = members(firm, AssignmentRole.SIGNER);
		// Signers may review too; reviewers proper are the ones who do not sign
		var reviewers = members(firm, AssignmentRole.REVIEWER).stream()
			.filter(r -> signers.stream().noneMatch(s -> s.id().equals(r.id())))
			.toList();
		for (var type : ClientType.values()) {
			var second = type == ClientType.BUSINESS ? 1 : 0;
			set(firm, type, AssignmentRole.PREPARER, pick(preparers, second));
			set(firm, type, AssignmentRole.REVIEWER, pick(reviewers, second));
			set(firm, type, AssignmentRole.SIGNER, pick(signers, 0));
			set(firm, type, AssignmentRole.ASSIGNED_TO, event.owner());
		}
	}

	/** Runs after the client module's listener (which must not be ordered last itself), when the clients exist. */
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void engagements(FirmSetUp event) {
		if (!event.demoData()) {
			return;
		}
		var firm = event.firm();
		var types = lists.entries(firm, SettingsList.ENGAGEMENT_TYPES);
		var stages = lists.entries(firm, SettingsList.PIPELINE_STAGES);
		var preparers = members(firm, AssignmentRole.PREPARER);
		var reviewers = members(firm, AssignmentRole.REVIEWER);
		var taxYear = LocalDate.now(clock).getYear() - 1;
		var count = 0;
		var business = 0;
		for (var client : queries.clientsOf(firm)) {
			if (client.type() == ClientType.INDIVIDUAL) {
				var opened = open(firm, client, taxYear + " 1040", type(types, "1040"), String.valueOf(taxYear),
						LocalDate.of(taxYear + 1, 4, 15), stages.get(count++ % stages.size()), event.owner());
				if (count % 4 == 0) {
					override(opened, AssignmentRole.REVIEWER, pick(reviewers, count), event.owner());
				}
			}
			else {
				var form = client.name().contains("Partnership") ? "1065"
						: client.name().endsWith("Inc.") ? "1120" : business % 2 == 0 ? "1120S" : "1065";
				var due = LocalDate.of(taxYear + 1, form.equals("1120") ? 4 : 3, 15);
				var ret = open(firm, client, taxYear + " " + form, type(types, form), String.valueOf(taxYear), due,
						stages.get(count++ % stages.size()), event.owner());
				if (business % 3 == 1) {
					// "preparer Jane overall but preparer Marcus on the 2025 1120S"
					override(ret, AssignmentRole.PREPARER, pick(preparers, 0), event.owner());
				}
				// the businesses' returns are shared with their portals, so a demo contact given access sees a case
				sharing.share(firm, ret.id(), true, clock.instant());
				var month = LocalDate.now(clock);
				open(firm, client, "Bookkeeping " + month.getMonth().getDisplayName(TextStyle.FULL,
						Locale.ENGLISH) + " " + month.getYear(), type(types, "Bookkeeping"), null,
						month.with(TemporalAdjusters.lastDayOfMonth()), stages.get(count++ % stages.size()),
						event.owner());
				business++;
			}
		}
	}

	private Engagement open(FirmId firm, EngagementQueries.ClientRow client, String name, ListEntry type,
			String period, LocalDate due, ListEntry stage, StaffId by) {
		var engagement = Engagement.open(firm, client.id(), name, type.id(), period, due, stage.id(), clock.instant());
		engagements.save(engagement);
		events.publishEvent(new EngagementOpened(firm, engagement.id(), client.id(), engagement.name(), type.name(),
				stage.name(), by));
		return engagement;
	}

	private void override(Engagement engagement, AssignmentRole role, StaffId person, StaffId by) {
		if (person == null) {
			return;
		}
		var previous = engagement.assign(role, person, clock.instant());
		if (!person.equals(previous)) {
			engagements.save(engagement);
			events.publishEvent(new EngagementAssignmentChanged(engagement.firm(), engagement.id(), engagement.client(),
					role, previous, person, by));
		}
	}

	private void set(FirmId firm, ClientType type, AssignmentRole role, StaffId person) {
		if (person != null) {
			onboarding.set(firm, type, role, person);
		}
	}

	/** The firm's Members who may hold the role: the demo's team members, not its Owner and Admin. */
	private List<StaffView> members(FirmId firm, AssignmentRole role) {
		return staff.eligible(firm, role).stream().filter(s -> s.role() == FirmRole.MEMBER).toList();
	}

	private static StaffId pick(List<StaffView> people, int index) {
		return people.isEmpty() ? null : people.get(index % people.size()).id();
	}

	private static ListEntry type(List<ListEntry> types, String name) {
		return types.stream().filter(t -> t.name().equals(name)).findFirst().orElse(types.get(types.size() - 1));
	}
}

package io.atrium.engagement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientQuery;
import io.atrium.client.ClientType;
import io.atrium.engagement.EngagementPolicy.VisibleClient;
import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import io.atrium.staff.StaffStatus;

/**
 * Engagements, their pipeline, the firm's lists of stages and types, assignments (client level and per engagement),
 * bulk and smart assign, and onboarding defaults. Authorization is checked here, by {@link EngagementPolicy}; every
 * change publishes an event.
 */
@Service
public class EngagementManagement {

	/** Cards shown per pipeline stage; the column says how many more there are. */
	public static final int CARDS_PER_STAGE = 100;

	private final EngagementRepository engagements;
	private final SettingsLists lists;
	private final ClientAssignmentStore clientAssignments;
	private final OnboardingStore onboarding;
	private final EngagementQueries queries;
	private final EngagementPolicy policy;
	private final EngagementSharing sharing;
	private final StaffManagement staff;
	private final ClientManagement clients;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EngagementManagement(EngagementRepository engagements, SettingsLists lists, ClientAssignmentStore clientAssignments,
			OnboardingStore onboarding, EngagementQueries queries, EngagementPolicy policy, EngagementSharing sharing,
			StaffManagement staff,
			ClientManagement clients, ApplicationEventPublisher events, Clock clock) {
		this.engagements = engagements;
		this.lists = lists;
		this.clientAssignments = clientAssignments;
		this.onboarding = onboarding;
		this.queries = queries;
		this.policy = policy;
		this.sharing = sharing;
		this.staff = staff;
		this.clients = clients;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- settings: pipeline stages, engagement types

	/** Whether the viewer may change the firm's stages, types and onboarding defaults. */
	public boolean managesSettings(StaffPrincipal viewer) {
		return EngagementPolicy.managesSettings(viewer);
	}

	@Transactional(readOnly = true)
	public List<ListEntryUsage> list(StaffPrincipal viewer, SettingsList list) {
		policy.requireSettingsRights(viewer);
		return lists.usage(viewer.firm(), list);
	}

	@Transactional
	public ListEntry addToList(StaffPrincipal viewer, SettingsList list, String name) {
		policy.requireSettingsRights(viewer);
		var entry = lists.add(viewer.firm(), list, name);
		events.publishEvent(new SettingsListChanged(viewer.firm(), list, SettingsListChanged.Change.ADDED, entry.name(),
				null, viewer.id()));
		return entry;
	}

	@Transactional
	public ListEntry renameInList(StaffPrincipal viewer, SettingsList list, UUID id, String name) {
		policy.requireSettingsRights(viewer);
		var previous = lists.rename(viewer.firm(), list, id, name);
		var entry = lists.get(viewer.firm(), list, id);
		if (!previous.equals(entry.name())) {
			events.publishEvent(new SettingsListChanged(viewer.firm(), list, SettingsListChanged.Change.RENAMED,
					entry.name(), previous, viewer.id()));
		}
		return entry;
	}

	@Transactional
	public void moveInList(StaffPrincipal viewer, SettingsList list, UUID id, boolean up) {
		policy.requireSettingsRights(viewer);
		var entry = lists.get(viewer.firm(), list, id);
		if (lists.move(viewer.firm(), list, id, up)) {
			events.publishEvent(new SettingsListChanged(viewer.firm(), list,
					up ? SettingsListChanged.Change.MOVED_UP : SettingsListChanged.Change.MOVED_DOWN, entry.name(), null,
					viewer.id()));
		}
	}

	/** Deletes a stage or type that no engagement uses; a firm keeps at least one of each. */
	@Transactional
	public void removeFromList(StaffPrincipal viewer, SettingsList list, UUID id) {
		policy.requireSettingsRights(viewer);
		var name = lists.delete(viewer.firm(), list, id);
		events.publishEvent(new SettingsListChanged(viewer.firm(), list, SettingsListChanged.Change.DELETED, name, null,
				viewer.id()));
	}

	// ---------------------------------------------------------------- engagements

	/** A client's engagements (404 when the viewer does not see the client). */
	@Transactional(readOnly = true)
	public ClientEngagements engagements(StaffPrincipal viewer, ClientId clientId) {
		var client = policy.requireVisible(viewer, clientId);
		var people = people(viewer);
		var rows = queries.ofClient(viewer.firm(), client.id())
			.stream()
			.map(r -> new EngagementSummary(new EngagementId(r.id()), r.name(), r.type(), r.period(), r.dueDate(),
					r.stage(), assignee(people, EngagementQueries.staff(r.preparer()))))
			.toList();
		return new ClientEngagements(client.id(), client.name(), EngagementPolicy.mayEditEngagements(viewer), rows,
				lists.entries(viewer.firm(), SettingsList.ENGAGEMENT_TYPES),
				lists.entries(viewer.firm(), SettingsList.PIPELINE_STAGES));
	}

	/** Opens an engagement on a client the viewer sees; needs Edit clients. */
	@Transactional
	public EngagementId open(StaffPrincipal viewer, ClientId clientId, EngagementDraft draft) {
		var client = policy.requireVisible(viewer, clientId);
		policy.requireEditRights(viewer);
		var type = type(viewer.firm(), draft.typeId());
		var stages = lists.entries(viewer.firm(), SettingsList.PIPELINE_STAGES);
		var stage = draft.stageId() == null ? stages.get(0) : stage(viewer.firm(), draft.stageId());
		var engagement = Engagement.open(viewer.firm(), client.id(), draft.name(), type.id(), draft.period(),
				draft.dueDate(), stage.id(), clock.instant());
		engagements.save(engagement);
		events.publishEvent(new EngagementOpened(viewer.firm(), engagement.id(), client.id(), engagement.name(),
				type.name(), stage.name(), viewer.id()));
		return engagement.id();
	}

	/** One engagement (404 when it is another firm's or its client is not visible to the viewer). */
	@Transactional(readOnly = true)
	public EngagementView engagement(StaffPrincipal viewer, EngagementId id) {
		var engagement = find(viewer, id);
		return view(viewer, engagement, policy.requireVisible(viewer, engagement.client()));
	}

	@Transactional
	public EngagementView update(StaffPrincipal viewer, EngagementId id, EngagementDraft draft) {
		var engagement = find(viewer, id);
		var client = policy.requireVisible(viewer, engagement.client());
		policy.requireEditRights(viewer);
		var type = type(viewer.firm(), draft.typeId());
		var changes = engagement.update(draft.name(), type.id(), draft.period(), draft.dueDate());
		if (!changes.isEmpty()) {
			engagements.save(engagement);
			events.publishEvent(new EngagementUpdated(viewer.firm(), engagement.id(), client.id(), engagement.name(),
					String.join(", ", changes), viewer.id()));
		}
		return view(viewer, engagement, client);
	}

	/** Moves an engagement to another stage: Edit clients, or being assigned on the engagement or its client. */
	@Transactional
	public EngagementView moveToStage(StaffPrincipal viewer, EngagementId id, UUID stageId) {
		var engagement = find(viewer, id);
		var client = policy.requireVisible(viewer, engagement.client());
		if (!policy.mayMoveStage(viewer, engagement)) {
			throw new AccessDeniedException("may not move this engagement");
		}
		var to = stage(viewer.firm(), stageId);
		var from = lists.get(viewer.firm(), SettingsList.PIPELINE_STAGES, engagement.stageId());
		if (engagement.moveTo(to.id())) {
			engagements.save(engagement);
			events.publishEvent(new EngagementStageChanged(viewer.firm(), engagement.id(), client.id(),
					engagement.name(), from.name(), to.name(), viewer.id()));
		}
		return view(viewer, engagement, client);
	}

	// ---------------------------------------------------------------- portal sharing and client-activity recipients

	/** Shares the engagement with the client's portal, or takes it out again (Edit clients or assigned on it). */
	@Transactional
	public EngagementPortal shareInPortal(StaffPrincipal viewer, EngagementId id, boolean shared) {
		var engagement = find(viewer, id);
		var client = policy.requireVisible(viewer, engagement.client());
		requirePortalRights(viewer, engagement);
		if (sharing.share(viewer.firm(), id, shared, clock.instant())) {
			events.publishEvent(new EngagementSharedInPortal(viewer.firm(), id, client.id(), engagement.name(), shared,
					viewer.id()));
		}
		return portal(viewer, engagement);
	}

	/** The engagement's portal card: shared or not, and who is told of client activity. */
	@Transactional(readOnly = true)
	public EngagementPortal portal(StaffPrincipal viewer, EngagementId id) {
		var engagement = find(viewer, id);
		policy.requireVisible(viewer, engagement.client());
		return portal(viewer, engagement);
	}

	/**
	 * Chooses who is told of client activity on the engagement; {@code useDefaults} goes back to the preparer and
	 * assigned-to. Only active staff who see the client may be chosen.
	 */
	@Transactional
	public EngagementPortal chooseActivityRecipients(StaffPrincipal viewer, EngagementId id,
			Collection<StaffId> recipients, boolean useDefaults) {
		var engagement = find(viewer, id);
		policy.requireVisible(viewer, engagement.client());
		requirePortalRights(viewer, engagement);
		if (useDefaults) {
			sharing.useDefaultRecipients(viewer.firm(), id);
		}
		else {
			var candidates = activePeople(people(viewer)).stream().map(Assignee::id).toList();
			var chosen = new LinkedHashSet<StaffId>();
			for (var person : recipients) {
				if (!candidates.contains(person)) {
					throw new InvalidRequestException("recipients", "engagement.recipients.unknown");
				}
				chosen.add(person);
			}
			sharing.chooseRecipients(viewer.firm(), id, chosen);
		}
		events.publishEvent(new EngagementUpdated(viewer.firm(), id, engagement.client(), engagement.name(),
				useDefaults ? "client portal notifications: preparer and assigned-to"
						: "client portal notifications: " + recipients.size() + " chosen",
				viewer.id()));
		return portal(viewer, engagement);
	}

	/**
	 * Staff told of client activity on the engagement (uploads, answered requests, messages): the ones chosen on the
	 * engagement, or by default its preparer and assigned-to (the engagement's own or, failing that, the client's).
	 * Only active staff.
	 */
	@Transactional(readOnly = true)
	public List<StaffId> activityRecipients(FirmId firm, EngagementId id) {
		var engagement = engagements.findInFirm(firm.value(), id.value());
		if (engagement.isEmpty()) {
			return List.of();
		}
		var state = sharing.state(firm, id);
		var recipients = state.recipientsChosen() ? sharing.chosenRecipients(id)
				: defaultRecipients(firm, engagement.get().client(), engagement.get());
		return active(firm, recipients);
	}

	/** Staff told of client activity that belongs to no engagement: the client's preparer and assigned-to. */
	@Transactional(readOnly = true)
	public List<StaffId> clientActivityRecipients(FirmId firm, ClientId client) {
		return active(firm, defaultRecipients(firm, client, null));
	}

	/**
	 * The client's engagements shared with the portal, most recently shared first. One statement, read on every
	 * portal home: no transaction of its own, which cost a round trip.
	 */
	public List<SharedCase> sharedCases(FirmId firm, ClientId client) {
		return sharing.cases(firm, client);
	}

	/** One shared engagement of the client; empty when it is not shared, another client's or another firm's. */
	@Transactional(readOnly = true)
	public java.util.Optional<SharedCase> sharedCase(FirmId firm, ClientId client, EngagementId id) {
		return sharing.sharedCase(firm, client, id);
	}

	/** The engagement's client and name, for other modules that hold only its id (empty for another firm's). */
	@Transactional(readOnly = true)
	public java.util.Optional<EngagementRef> ref(FirmId firm, EngagementId id) {
		return sharing.ref(firm, id);
	}

	private void requirePortalRights(StaffPrincipal viewer, Engagement engagement) {
		if (!policy.mayMoveStage(viewer, engagement)) {
			throw new AccessDeniedException("may not change this engagement's portal settings");
		}
	}

	private EngagementPortal portal(StaffPrincipal viewer, Engagement engagement) {
		var state = sharing.state(viewer.firm(), engagement.id());
		var people = people(viewer);
		var recipients = (state.recipientsChosen() ? sharing.chosenRecipients(engagement.id())
				: defaultRecipients(viewer.firm(), engagement.client(), engagement))
			.stream()
			.map(id -> assignee(people, id))
			.toList();
		return new EngagementPortal(engagement.id(), state.shared(), state.sharedAt(),
				policy.mayMoveStage(viewer, engagement), state.recipientsChosen(), recipients, activePeople(people));
	}

	/**
	 * Active colleagues by name: who may be picked in the pipeline's filter and told of a client's activity
	 * (visibility is checked when they open it).
	 */
	private static List<Assignee> activePeople(Map<StaffId, Assignee> people) {
		return people.values()
			.stream()
			.filter(Assignee::active)
			.sorted(Comparator.comparing(Assignee::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The preparer and assigned-to: the engagement's own (when given), else the client's. */
	private List<StaffId> defaultRecipients(FirmId firm, ClientId client, Engagement engagement) {
		var holders = clientAssignments.of(firm, client);
		var recipients = new LinkedHashSet<StaffId>();
		for (var role : List.of(AssignmentRole.PREPARER, AssignmentRole.ASSIGNED_TO)) {
			var own = engagement == null ? null : engagement.assigned(role);
			var holder = own != null ? own : holders.get(role);
			if (holder != null) {
				recipients.add(holder);
			}
		}
		return List.copyOf(recipients);
	}

	private List<StaffId> active(FirmId firm, Collection<StaffId> recipients) {
		if (recipients.isEmpty()) {
			return List.of();
		}
		var active = staff.activeAmong(firm, recipients)
			.stream()
			.map(v -> v.id())
			.collect(java.util.stream.Collectors.toSet());
		return recipients.stream().filter(active::contains).distinct().toList();
	}

	// ---------------------------------------------------------------- assignments

	/** A client's client-level assignments, with the pickers' options when the viewer may change them. */
	@Transactional(readOnly = true)
	public ClientAssignments clientAssignments(StaffPrincipal viewer, ClientId clientId) {
		var client = policy.requireVisible(viewer, clientId);
		return clientAssignments(viewer, client);
	}

	/**
	 * Makes {@code staffId} the holder of {@code role} on the client (null: nobody). Only eligible, active staff of
	 * the firm can hold a role.
	 */
	@Transactional
	public ClientAssignments assignClient(StaffPrincipal viewer, ClientId clientId, AssignmentRole role,
			StaffId staffId) {
		Objects.requireNonNull(role, "role");
		var client = policy.requireVisible(viewer, clientId);
		policy.requireAssignmentRights(viewer, client.id());
		requireEligible(viewer.firm(), staffId, role);
		var previous = clientAssignments.set(viewer.firm(), client.id(), role, staffId, clock.instant());
		if (!Objects.equals(previous, staffId)) {
			events.publishEvent(new ClientAssignmentChanged(viewer.firm(), client.id(), role, previous, staffId,
					viewer.id()));
		}
		return clientAssignments(viewer, client);
	}

	/**
	 * Overrides the client's {@code role} on one engagement with {@code staffId}, or (null) goes back to the
	 * client's. Who may do it is decided as for the client's own assignments.
	 */
	@Transactional
	public EngagementView assignEngagement(StaffPrincipal viewer, EngagementId id, AssignmentRole role,
			StaffId staffId) {
		Objects.requireNonNull(role, "role");
		var engagement = find(viewer, id);
		var client = policy.requireVisible(viewer, engagement.client());
		policy.requireAssignmentRights(viewer, client.id());
		requireEligible(viewer.firm(), staffId, role);
		var previous = engagement.assign(role, staffId, clock.instant());
		if (!Objects.equals(previous, staffId)) {
			engagements.save(engagement);
			events.publishEvent(new EngagementAssignmentChanged(viewer.firm(), engagement.id(), client.id(), role,
					previous, staffId, viewer.id()));
		}
		return view(viewer, engagement, client);
	}

	/**
	 * Bulk assign (overwrite) or smart assign ({@code onlyEmpty}) on picked clients. Clients the viewer may not
	 * change, or does not see, are skipped like those that need no change.
	 */
	@Transactional
	public BulkAssignResult bulkAssign(StaffPrincipal viewer, BulkAssignment bulk, Collection<ClientId> picked) {
		checkBulk(viewer, bulk);
		var ids = new LinkedHashSet<UUID>();
		picked.forEach(id -> ids.add(id.value()));
		if (ids.isEmpty()) {
			throw new InvalidRequestException("clientIds", "assignment.bulk.none");
		}
		return bulk(viewer, bulk, ids);
	}

	/** Bulk or smart assign on every client of the list's filters that the viewer sees (the page is ignored). */
	@Transactional
	public BulkAssignResult bulkAssignMatching(StaffPrincipal viewer, BulkAssignment bulk, ClientQuery query) {
		checkBulk(viewer, bulk);
		var ids = new LinkedHashSet<UUID>();
		clients.matchingIds(viewer, query).forEach(id -> ids.add(id.value()));
		if (ids.isEmpty()) {
			throw new InvalidRequestException("clientIds", "assignment.bulk.none-matching");
		}
		return bulk(viewer, bulk, ids);
	}

	private void checkBulk(StaffPrincipal viewer, BulkAssignment bulk) {
		if (!EngagementPolicy.changesAnyAssignments(viewer) && !viewer.inBuiltInTeam()) {
			throw new AccessDeniedException("may not change assignments");
		}
		if (bulk.role() == null) {
			throw new InvalidRequestException("role", "assignment.role.required");
		}
		if (bulk.staff() == null) {
			throw new InvalidRequestException("staffId", "assignment.bulk.staff-required");
		}
		requireEligible(viewer.firm(), bulk.staff(), bulk.role());
	}

	private BulkAssignResult bulk(StaffPrincipal viewer, BulkAssignment bulk, Collection<UUID> ids) {
		var params = new HashMap<String, Object>();
		var changeable = policy.changeableCondition(viewer, params);
		var result = clientAssignments.bulk(viewer.firm(), ids, bulk.role(), bulk.staff(), bulk.onlyEmpty(),
				changeable, params, clock.instant());
		events.publishEvent(new AssignmentsBulkChanged(viewer.firm(), bulk.role(), bulk.staff(), bulk.onlyEmpty(),
				result.changed(), result.skipped(), viewer.id()));
		return result;
	}

	// ---------------------------------------------------------------- onboarding defaults

	@Transactional(readOnly = true)
	public OnboardingDefaults onboardingDefaults(StaffPrincipal viewer) {
		policy.requireSettingsRights(viewer);
		var people = people(viewer);
		var options = new EnumMap<AssignmentRole, List<Assignee>>(AssignmentRole.class);
		for (var role : AssignmentRole.values()) {
			options.put(role, options(viewer.firm(), role));
		}
		var stored = onboarding.all(viewer.firm());
		var defaults = new ArrayList<OnboardingDefault>();
		for (var type : ClientType.values()) {
			for (var role : AssignmentRole.values()) {
				var holder = stored.getOrDefault(type, Map.of()).get(role);
				var eligible = holder == null || options.get(role).stream().anyMatch(o -> o.id().equals(holder));
				defaults.add(new OnboardingDefault(type, role, assignee(people, holder), eligible));
			}
		}
		return new OnboardingDefaults(defaults, options);
	}

	/** Sets whom new clients of {@code type} start with in {@code role} (null: nobody). */
	@Transactional
	public OnboardingDefaults setOnboardingDefault(StaffPrincipal viewer, ClientType type, AssignmentRole role,
			StaffId staffId) {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(role, "role");
		policy.requireSettingsRights(viewer);
		requireEligible(viewer.firm(), staffId, role);
		var previous = onboarding.set(viewer.firm(), type, role, staffId);
		if (!Objects.equals(previous, staffId)) {
			events.publishEvent(new OnboardingDefaultsChanged(viewer.firm(), type, role, previous, staffId, viewer.id()));
		}
		return onboardingDefaults(viewer);
	}

	// ---------------------------------------------------------------- pipeline

	/**
	 * The pipeline board: engagements of the active clients the viewer sees, by stage, at most
	 * {@link #CARDS_PER_STAGE} per stage. Unknown filter values are refused with a message.
	 */
	@Transactional(readOnly = true)
	public Pipeline pipeline(StaffPrincipal viewer, PipelineFilter filter) {
		var firm = viewer.firm();
		var people = people(viewer);
		var types = lists.entries(firm, SettingsList.ENGAGEMENT_TYPES);
		var stages = lists.entries(firm, SettingsList.PIPELINE_STAGES);
		if (filter.type() != null && types.stream().noneMatch(t -> t.id().equals(filter.type()))) {
			throw new InvalidRequestException("type", "pipeline.filter.type.unknown");
		}
		if (filter.assignee() != null && !people.containsKey(filter.assignee())) {
			throw new InvalidRequestException("assignee", "pipeline.filter.assignee.unknown");
		}
		var shown = filter.role() == null ? AssignmentRole.PREPARER : filter.role();
		var editor = EngagementPolicy.mayEditEngagements(viewer);
		var byStage = new LinkedHashMap<UUID, List<PipelineCard>>();
		var stageIds = stages.stream().map(ListEntry::id).toList();
		for (var row : queries.pipeline(viewer, filter, shown, editor, stageIds, CARDS_PER_STAGE)) {
			byStage.computeIfAbsent(row.stage(), s -> new ArrayList<>())
				.add(new PipelineCard(new EngagementId(row.id()), new ClientId(row.client()), row.clientName(),
						row.name(), row.type(), row.dueDate(), row.stage(),
						assignee(people, EngagementQueries.staff(row.assignee())), editor || row.mine()));
		}
		var totals = queries.pipelineTotals(viewer, filter, shown);
		var columns = stages.stream()
			.map(s -> new PipelineColumn(s, List.copyOf(byStage.getOrDefault(s.id(), List.of())),
					totals.getOrDefault(s.id(), 0)))
			.toList();
		return new Pipeline(filter, shown, columns, activePeople(people), types, stages);
	}

	// ---------------------------------------------------------------- helpers

	private Engagement find(StaffPrincipal viewer, EngagementId id) {
		return engagements.findInFirm(viewer.firm().value(), id.value())
			.orElseThrow(() -> new NotFoundException("engagement"));
	}

	private ClientAssignments clientAssignments(StaffPrincipal viewer, VisibleClient client) {
		var people = people(viewer);
		var holders = clientAssignments.of(viewer.firm(), client.id());
		var changeable = policy.mayChangeAssignments(viewer, client.id());
		var roles = new ArrayList<RoleAssignment>();
		for (var role : AssignmentRole.values()) {
			roles.add(new RoleAssignment(role, assignee(people, holders.get(role)),
					changeable ? options(viewer.firm(), role) : List.of()));
		}
		return new ClientAssignments(client.id(), client.name(), changeable, roles);
	}

	private EngagementView view(StaffPrincipal viewer, Engagement engagement, VisibleClient client) {
		var firm = viewer.firm();
		var people = people(viewer);
		var types = lists.entries(firm, SettingsList.ENGAGEMENT_TYPES);
		var stages = lists.entries(firm, SettingsList.PIPELINE_STAGES);
		var holders = clientAssignments.of(firm, client.id());
		var changeable = policy.mayChangeAssignments(viewer, client.id());
		var roles = new ArrayList<EngagementRoleAssignment>();
		for (var role : AssignmentRole.values()) {
			roles.add(new EngagementRoleAssignment(role, assignee(people, engagement.assigned(role)),
					assignee(people, holders.get(role)), changeable ? options(firm, role) : List.of()));
		}
		return new EngagementView(engagement.id(), client.id(), client.name(), engagement.name(), engagement.typeId(),
				nameOf(types, engagement.typeId()), engagement.period(), engagement.dueDate(), engagement.stageId(),
				nameOf(stages, engagement.stageId()), EngagementPolicy.mayEditEngagements(viewer),
				policy.mayMoveStage(viewer, engagement), changeable, roles, types, stages);
	}

	private ListEntry type(FirmId firm, UUID typeId) {
		return lists.find(firm, SettingsList.ENGAGEMENT_TYPES, typeId)
			.orElseThrow(() -> new InvalidRequestException("typeId", "engagement.type.unknown"));
	}

	private ListEntry stage(FirmId firm, UUID stageId) {
		return lists.find(firm, SettingsList.PIPELINE_STAGES, stageId)
			.orElseThrow(() -> new InvalidRequestException("stageId", "engagement.stage.unknown"));
	}

	/** Unknown ids, other firms' staff, deactivated or not-yet-joined colleagues are all "not eligible". */
	private void requireEligible(FirmId firm, StaffId staffId, AssignmentRole role) {
		if (staffId != null && !staff.isEligible(firm, staffId, role)) {
			throw new InvalidRequestException("staffId", "assignment.ineligible." + role.name());
		}
	}

	private List<Assignee> options(FirmId firm, AssignmentRole role) {
		return staff.eligible(firm, role).stream().map(s -> new Assignee(s.id(), s.name(), true)).toList();
	}

	/** Everyone of the firm by id, deactivated colleagues included: they may still hold a role somewhere. */
	private Map<StaffId, Assignee> people(StaffPrincipal viewer) {
		var people = new HashMap<StaffId, Assignee>();
		for (var person : staff.list(viewer)) {
			var name = person.name() == null || person.name().isBlank() ? person.email() : person.name();
			people.put(person.id(), new Assignee(person.id(), name, person.status() == StaffStatus.ACTIVE));
		}
		return people;
	}

	private static Assignee assignee(Map<StaffId, Assignee> people, StaffId id) {
		if (id == null) {
			return null;
		}
		return people.getOrDefault(id, new Assignee(id, id.toString(), false));
	}

	private static String nameOf(List<ListEntry> entries, UUID id) {
		return entries.stream().filter(e -> e.id().equals(id)).map(ListEntry::name).findFirst().orElse("");
	}
}

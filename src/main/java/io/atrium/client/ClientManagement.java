package io.atrium.client;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.client.ImportProblem.Kind;
import io.atrium.firm.FirmId;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.Permission;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffPrincipal;

/**
 * Clients and contacts of a firm. Authorization is checked here: a staff user reads the clients {@link ClientScope}
 * lets them see (any other client is "not found", never "forbidden", and appears in no list or count), and changes
 * them with Owner/Admin rights or Edit clients.
 */
@Service
public class ClientManagement {

	/** The most ids {@link #matchingIds} returns: a bulk action beyond this is a mistake, or a job for an export. */
	public static final int MAX_MATCHING = 100_000;

	private final ClientRepository clients;
	private final ContactRepository contacts;
	private final ClientSearch search;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ClientManagement(ClientRepository clients, ContactRepository contacts, ClientSearch search,
			ApplicationEventPublisher events, Clock clock) {
		this.clients = clients;
		this.contacts = contacts;
		this.search = search;
		this.events = events;
		this.clock = clock;
	}

	/** Whether {@code viewer} may create clients and change those they can see. */
	public static boolean mayEdit(StaffPrincipal viewer) {
		return viewer.managesFirm() || viewer.can(Permission.EDIT_CLIENTS);
	}

	@Transactional
	public ClientView create(StaffPrincipal viewer, NewClient details) {
		requireEditor(viewer);
		return create(viewer.firm(), details, ClientStatus.ACTIVE, viewer.id());
	}

	/** Creates a client for {@code by} without asking about rights: demo data and confirmed imports. */
	ClientView create(FirmId firm, NewClient details, ClientStatus status, StaffId by) {
		var client = Client.create(firm, details, now());
		if (status == ClientStatus.ARCHIVED) {
			client.archive();
		}
		client = clients.save(client);
		search.refreshSearchText(firm, List.of(client.id()));
		events.publishEvent(new ClientCreated(firm, client.id(), client.type(), client.name(), by));
		return client.view();
	}

	@Transactional
	public ClientView update(StaffPrincipal viewer, ClientId id, NewClient details) {
		var client = editable(viewer, id);
		var changes = client.edit(details);
		if (!changes.isEmpty()) {
			client = clients.save(client);
			search.refreshSearchText(viewer.firm(), List.of(id));
			events.publishEvent(new ClientUpdated(viewer.firm(), id, client.name(), changes, viewer.id()));
		}
		return client.view();
	}

	@Transactional
	public ClientView archive(StaffPrincipal viewer, ClientId id) {
		var client = editable(viewer, id);
		if (client.archive()) {
			client = clients.save(client);
			events.publishEvent(new ClientArchived(viewer.firm(), id, client.name(), viewer.id()));
		}
		return client.view();
	}

	@Transactional
	public ClientView restore(StaffPrincipal viewer, ClientId id) {
		var client = editable(viewer, id);
		if (client.restore()) {
			client = clients.save(client);
			events.publishEvent(new ClientRestored(viewer.firm(), id, client.name(), viewer.id()));
		}
		return client.view();
	}

	@Transactional(readOnly = true)
	public ClientView get(StaffPrincipal viewer, ClientId id) {
		return search.visible(viewer, id).orElseThrow(() -> new NotFoundException("client"));
	}

	@Transactional(readOnly = true)
	public ClientPage search(StaffPrincipal viewer, ClientQuery query) {
		return search.page(viewer, query);
	}

	@Transactional(readOnly = true)
	public long count(StaffPrincipal viewer, ClientQuery query) {
		return search.count(viewer, query);
	}

	/** Every client matching {@code query} that the viewer sees (page and size ignored), at most {@link #MAX_MATCHING}. */
	@Transactional(readOnly = true)
	public List<ClientId> matchingIds(StaffPrincipal viewer, ClientQuery query) {
		return search.ids(viewer, query, MAX_MATCHING);
	}

	/** Those of {@code ids} that the viewer may see: what a bulk action on picked clients may touch. */
	@Transactional(readOnly = true)
	public List<ClientId> visible(StaffPrincipal viewer, Collection<ClientId> ids) {
		return search.visibleAmong(viewer, ids);
	}

	/** Hands every client matching {@code query} that the viewer sees to {@code sink}, with its contacts, one by one. */
	@Transactional(readOnly = true)
	public void export(StaffPrincipal viewer, ClientQuery query, Consumer<ClientWithContacts> sink) {
		search.export(viewer, query, sink);
	}

	@Transactional(readOnly = true)
	public List<ContactView> contacts(StaffPrincipal viewer, ClientId id) {
		var client = get(viewer, id);
		return contacts.findByClient(viewer.firm().value(), client.id().value()).stream().map(Contact::view).toList();
	}

	@Transactional(readOnly = true)
	public ContactView contact(StaffPrincipal viewer, ClientId id, ContactId contact) {
		get(viewer, id);
		return find(viewer.firm(), id, contact).view();
	}

	@Transactional
	public ContactView addContact(StaffPrincipal viewer, ClientId id, NewContact details) {
		editable(viewer, id);
		return addContact(viewer.firm(), id, details, viewer.id());
	}

	/** Adds a contact for {@code by} without asking about rights: demo data and confirmed imports. */
	ContactView addContact(FirmId firm, ClientId id, NewContact details, StaffId by) {
		var contact = contacts.save(Contact.create(firm, id, details, now()));
		search.refreshSearchText(firm, List.of(id));
		events.publishEvent(new ContactAdded(firm, id, contact.id(), contact.name(), contact.email(), by));
		return contact.view();
	}

	@Transactional
	public ContactView updateContact(StaffPrincipal viewer, ClientId id, ContactId contactId, NewContact details) {
		editable(viewer, id);
		var contact = find(viewer.firm(), id, contactId);
		var previousEmail = contact.email();
		var changes = contact.edit(details);
		if (!changes.isEmpty()) {
			contact = contacts.save(contact);
			search.refreshSearchText(viewer.firm(), List.of(id));
			events.publishEvent(new ContactUpdated(viewer.firm(), id, contactId, contact.name(), contact.email(),
					previousEmail, changes, viewer.id()));
		}
		return contact.view();
	}

	@Transactional
	public void deleteContact(StaffPrincipal viewer, ClientId id, ContactId contactId) {
		editable(viewer, id);
		var contact = find(viewer.firm(), id, contactId);
		// announced first, so that listeners in this transaction can let go of the contact before its row goes
		events.publishEvent(new ContactDeleted(viewer.firm(), id, contactId, contact.name(), contact.email(),
				viewer.id()));
		contacts.delete(contact);
		search.refreshSearchText(viewer.firm(), List.of(id));
	}

	/** The clients of the firm that have a contact with this address (any status), by name. */
	@Transactional(readOnly = true)
	public List<ClientId> clientsOfEmail(FirmId firm, String email) {
		var address = Fields.singleLine(email);
		if (address == null) {
			return List.of();
		}
		return search.clientsOfEmail(firm, Fields.lower(address));
	}

	/** The type of a client of the firm; not found when there is no such client in this firm. */
	@Transactional(readOnly = true)
	public ClientType typeOf(FirmId firm, ClientId id) {
		return load(firm, id).type();
	}

	/** A client of the firm, regardless of who asks: for other modules acting on their own behalf. */
	@Transactional(readOnly = true)
	public Optional<ClientView> find(FirmId firm, ClientId id) {
		return clients.findInFirm(firm.value(), id.value()).map(Client::view);
	}

	/** The contacts of a client of the firm, oldest first, regardless of who asks (empty for no such client). */
	@Transactional(readOnly = true)
	public List<ContactView> contactsOf(FirmId firm, ClientId id) {
		return contacts.findByClient(firm.value(), id.value()).stream().map(Contact::view).toList();
	}

	/** A contact of a client of the firm, regardless of who asks. */
	@Transactional(readOnly = true)
	public Optional<ContactView> findContact(FirmId firm, ClientId id, ContactId contact) {
		return contacts.findInClient(firm.value(), id.value(), contact.value()).map(Contact::view);
	}

	/**
	 * What importing {@code csv} would do, without writing anything; throws {@link ImportRejected} when the file
	 * cannot be read at all. Clients whose name is already in the firm (any status, whether or not the viewer sees
	 * them) are reported as duplicates: the firm must not get a second one.
	 */
	@Transactional(readOnly = true)
	public ImportPreview previewImport(StaffPrincipal viewer, byte[] csv) {
		requireEditor(viewer);
		return preview(viewer.firm(), CsvImport.parse(csv));
	}

	/**
	 * Imports {@code csv} as {@link #previewImport} showed it, all in one transaction. Duplicates are checked again
	 * here, so that a client created between preview and confirmation is skipped rather than doubled.
	 */
	@Transactional
	public ImportResult importClients(StaffPrincipal viewer, byte[] csv) {
		requireEditor(viewer);
		var parsed = CsvImport.parse(csv);
		var preview = preview(viewer.firm(), parsed);
		int contactCount = 0;
		for (var imported : preview.clients()) {
			var client = create(viewer.firm(), imported.details(), imported.status(), viewer.id());
			for (var contact : imported.contacts()) {
				addContact(viewer.firm(), client.id(), contact, viewer.id());
				contactCount++;
			}
		}
		events.publishEvent(new ClientsImported(viewer.firm(), preview.clients().size(), viewer.id()));
		return new ImportResult(preview.clients().size(), contactCount, parsed.clients().size() - preview.clients().size());
	}

	private ImportPreview preview(FirmId firm, CsvImport.Parsed parsed) {
		var existing = search.existingNames(firm, parsed.clients().stream().map(c -> Fields.lower(c.name())).toList());
		var problems = new ArrayList<>(parsed.problems());
		var fresh = new ArrayList<ImportedClient>();
		for (var client : parsed.clients()) {
			if (existing.contains(Fields.lower(client.name()))) {
				problems.add(new ImportProblem(client.line(), Kind.DUPLICATE, "client.import.row.exists",
						List.of(client.name())));
			}
			else {
				fresh.add(client);
			}
		}
		problems.sort(Comparator.comparingInt(ImportProblem::line));
		var errors = (int) problems.stream().filter(p -> p.kind() == Kind.ERROR).count();
		var shown = problems.subList(0, Math.min(problems.size(), ImportPreview.MAX_PROBLEMS_SHOWN));
		return new ImportPreview(parsed.rows(), fresh, shown, errors, problems.size() - errors);
	}

	/** Stored to the microsecond, as the database keeps it, so that a view reads the same before and after a reload. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Client editable(StaffPrincipal viewer, ClientId id) {
		get(viewer, id);
		requireEditor(viewer);
		return load(viewer.firm(), id);
	}

	private Client load(FirmId firm, ClientId id) {
		return clients.findInFirm(firm.value(), id.value()).orElseThrow(() -> new NotFoundException("client"));
	}

	private Contact find(FirmId firm, ClientId client, ContactId contact) {
		return contacts.findInClient(firm.value(), client.value(), contact.value())
			.orElseThrow(() -> new NotFoundException("contact"));
	}

	private static void requireEditor(StaffPrincipal viewer) {
		if (!mayEdit(viewer)) {
			throw new AccessDeniedException("changing clients needs Edit clients");
		}
	}
}

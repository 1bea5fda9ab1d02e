package io.atrium.client;

import static io.atrium.client.ClientFixtures.aBusiness;
import static io.atrium.client.ClientFixtures.aContact;
import static io.atrium.client.ClientFixtures.aMemberIn;
import static io.atrium.client.ClientFixtures.anIndividual;
import static io.atrium.client.ClientFixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.atrium.AtriumIntegrationTest;
import io.atrium.client.ClientQuery.Sort;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

@RecordApplicationEvents
class ClientManagementTests extends AtriumIntegrationTest {

	private final ClientManagement clients;
	private final StaffManagement staff;
	private final JdbcClient jdbc;

	StaffPrincipal owner;

	@Autowired
	ClientManagementTests(ClientManagement clients, StaffManagement staff, JdbcClient jdbc) {
		this.clients = clients;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
	}

	@Test
	void createsEditsArchivesAndRestoresAClientAndTellsTheOtherModules(ApplicationEvents events) {
		var client = clients.create(owner, new NewClient(ClientType.INDIVIDUAL, "  Maria & Luis Garcia ",
				"Garcia.Family@Example.com", "(512) 555-0141", "Married filing jointly"));
		assertThat(client.name()).isEqualTo("Maria & Luis Garcia");
		assertThat(client.email()).isEqualTo("garcia.family@example.com");
		assertThat(client.status()).isEqualTo(ClientStatus.ACTIVE);
		assertThat(events.stream(ClientCreated.class)).containsExactly(new ClientCreated(owner.firm(), client.id(),
				ClientType.INDIVIDUAL, "Maria & Luis Garcia", owner.id()));

		var edited = clients.update(owner, client.id(), new NewClient(ClientType.INDIVIDUAL, "Maria and Luis Garcia",
				"garcia.family@example.com", "(512) 555-0141", "Married filing jointly"));
		assertThat(edited.name()).isEqualTo("Maria and Luis Garcia");
		assertThat(events.stream(ClientUpdated.class)).singleElement()
			.satisfies(e -> assertThat(e.changes()).contains("renamed from \"Maria & Luis Garcia\""));

		clients.archive(owner, client.id());
		clients.archive(owner, client.id());
		assertThat(clients.get(owner, client.id()).status()).isEqualTo(ClientStatus.ARCHIVED);
		assertThat(events.stream(ClientArchived.class)).hasSize(1);
		assertThat(clients.search(owner, ClientQuery.active()).clients()).isEmpty();

		clients.restore(owner, client.id());
		assertThat(clients.get(owner, client.id()).status()).isEqualTo(ClientStatus.ACTIVE);
		assertThat(events.stream(ClientRestored.class)).hasSize(1);
	}

	@Test
	void anEditThatChangesNothingIsNoEvent(ApplicationEvents events) {
		var client = clients.create(owner, anIndividual("Robert Chen"));
		clients.update(owner, client.id(), anIndividual(" Robert Chen "));
		assertThat(events.stream(ClientUpdated.class)).isEmpty();
	}

	@Test
	void refusesBadDetailsAndWritesNothing() {
		assertThatThrownBy(() -> clients.create(owner, anIndividual("   ")))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("name"));
		assertThatThrownBy(() -> clients.create(owner, anIndividual("x".repeat(201))))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("name"));
		assertThatThrownBy(() -> clients.create(owner, new NewClient(ClientType.BUSINESS, "Acme", "not-an-address",
				null, null)))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("email"));
		assertThatThrownBy(() -> clients.create(owner, new NewClient(null, "Acme", null, null, null)))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("type"));
		assertThat(clients.count(owner, ClientQuery.everything())).isZero();
	}

	@Test
	void contactsAreAddedEditedAndDeletedWithTheirEmailInLowerCase(ApplicationEvents events) {
		var client = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		var hannah = clients.addContact(owner, client.id(), aContact("Hannah Okoye", "Hannah@BlueHeron.example.com"));
		assertThat(hannah.email()).isEqualTo("hannah@blueheron.example.com");
		var devon = clients.addContact(owner, client.id(), aContact("Devon Price", null));
		assertThat(clients.contacts(owner, client.id())).extracting(ContactView::name)
			.containsExactly("Hannah Okoye", "Devon Price");

		clients.updateContact(owner, client.id(), devon.id(), aContact("Devon Price", "books@blueheron.example.com"));
		assertThat(events.stream(ContactUpdated.class)).singleElement().satisfies(e -> {
			assertThat(e.previousEmail()).isNull();
			assertThat(e.email()).isEqualTo("books@blueheron.example.com");
		});
		clients.deleteContact(owner, client.id(), hannah.id());
		assertThat(clients.contacts(owner, client.id())).extracting(ContactView::name).containsExactly("Devon Price");
		assertThat(events.stream(ContactAdded.class)).hasSize(2);
		assertThat(events.stream(ContactDeleted.class)).singleElement()
			.satisfies(e -> assertThat(e.contact()).isEqualTo(hannah.id()));
	}

	@Test
	void aContactIsFoundOnlyUnderItsOwnClient() {
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		var household = clients.create(owner, anIndividual("Hannah & Chidi Okoye"));
		var hannah = clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@example.com"));
		assertThatThrownBy(() -> clients.updateContact(owner, household.id(), hannah.id(), aContact("X", null)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clients.deleteContact(owner, household.id(), hannah.id()))
			.isInstanceOf(NotFoundException.class);
		assertThat(clients.contacts(owner, bakery.id())).hasSize(1);
	}

	@Test
	void findsClientsByNameAndByTheirContactsNameOrEmailWhateverTheCase() {
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@blueheron.example.com"));
		var household = clients.create(owner, anIndividual("Hannah & Chidi Okoye"));
		clients.addContact(owner, household.id(), aContact("Chidi Okoye", "chidi@example.net"));
		clients.create(owner, anIndividual("Robert Chen"));

		assertThat(names(query("heron"))).containsExactly("Blue Heron Bakery LLC");
		assertThat(names(query("HANNAH"))).containsExactly("Blue Heron Bakery LLC", "Hannah & Chidi Okoye");
		assertThat(names(query("chidi@example"))).containsExactly("Hannah & Chidi Okoye");
		assertThat(names(query("okoye"))).containsExactly("Blue Heron Bakery LLC", "Hannah & Chidi Okoye");
		assertThat(names(query("%"))).isEmpty();
		assertThat(names(query("_"))).isEmpty();
		assertThat(clients.count(owner, query("hannah"))).isEqualTo(2);
	}

	@Test
	void filtersByTypeAndStatusAndSortsAndPages() {
		for (int i = 1; i <= 7; i++) {
			clients.create(owner, anIndividual("Person " + i));
			clock.advance(Duration.ofMinutes(1));
		}
		var acme = clients.create(owner, aBusiness("acme corp"));
		clients.archive(owner, clients.create(owner, aBusiness("Zeta Old LLC")).id());

		assertThat(names(new ClientQuery(null, ClientType.BUSINESS, ClientStatus.ACTIVE, null, null, false, 0, 25)))
			.containsExactly("acme corp");
		assertThat(names(new ClientQuery(null, ClientType.BUSINESS, null, null, null, false, 0, 25)))
			.containsExactly("acme corp", "Zeta Old LLC");
		assertThat(names(new ClientQuery(null, null, ClientStatus.ARCHIVED, null, null, false, 0, 25)))
			.containsExactly("Zeta Old LLC");

		var byNameDesc = new ClientQuery(null, null, ClientStatus.ACTIVE, null, Sort.NAME, true, 0, 3);
		var first = clients.search(owner, byNameDesc);
		assertThat(first.clients()).extracting(ClientView::name).containsExactly("Person 7", "Person 6", "Person 5");
		assertThat(first.total()).isEqualTo(8);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hasNext()).isTrue();
		var last = clients.search(owner, byNameDesc.withPage(2));
		assertThat(last.clients()).extracting(ClientView::name).containsExactly("Person 1", "acme corp");
		assertThat(last.hasNext()).isFalse();
		assertThat(last.total()).isEqualTo(8);

		var newestFirst = clients.search(owner, new ClientQuery(null, null, null, null, Sort.CREATED, true, 0, 2));
		assertThat(newestFirst.clients().get(1).id()).isEqualTo(acme.id());
		assertThat(clients.matchingIds(owner, new ClientQuery(null, ClientType.INDIVIDUAL, ClientStatus.ACTIVE, null,
				null, false, 0, 1))).hasSize(7);
	}

	@Test
	void aPageIsAtMostAHundredClients() {
		var query = new ClientQuery(null, null, null, null, null, false, 0, 10_000);
		assertThat(query.size()).isEqualTo(ClientQuery.MAX_SIZE);
	}

	@Test
	void aMemberSeesOnlyClientsAssignedToThemAndNothingLeaks(ApplicationEvents events) {
		var mine = clients.create(owner, anIndividual("Assigned Alice"));
		var other = clients.create(owner, anIndividual("Unassigned Ursula"));
		clients.addContact(owner, other.id(), aContact("Ursula Secret", "ursula@example.com"));
		var member = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner);

		assertThat(clients.search(member, ClientQuery.active()).clients()).isEmpty();
		assertThat(clients.count(member, ClientQuery.everything())).isZero();

		assign(jdbc, member, mine.id(), AssignmentRole.REVIEWER);
		assertThat(names(member, ClientQuery.active())).containsExactly("Assigned Alice");
		assertThat(names(member, query("ursula"))).isEmpty();
		assertThat(clients.count(member, query("ursula"))).isZero();
		assertThat(clients.count(member, ClientQuery.everything())).isEqualTo(1);
		assertThat(clients.matchingIds(member, ClientQuery.everything())).containsExactly(mine.id());
		assertThat(clients.visible(member, List.of(mine.id(), other.id()))).containsExactly(mine.id());
		assertThatThrownBy(() -> clients.get(member, other.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clients.contacts(member, other.id())).isInstanceOf(NotFoundException.class);
		var exported = new java.util.ArrayList<String>();
		clients.export(member, ClientQuery.everything(), row -> exported.add(row.client().name()));
		assertThat(exported).containsExactly("Assigned Alice");
	}

	@Test
	void aReviewerMayReadButNotChangeAndAnUnseenClientIsNotFoundRatherThanForbidden(ApplicationEvents events) {
		var seen = clients.create(owner, anIndividual("Seen Sam"));
		var unseen = clients.create(owner, anIndividual("Unseen Uma"));
		var reviewer = aMemberIn(BuiltInTeam.REVIEWERS, staff, events, owner);
		assign(jdbc, reviewer, seen.id(), AssignmentRole.REVIEWER);

		assertThat(clients.get(reviewer, seen.id()).name()).isEqualTo("Seen Sam");
		assertThatThrownBy(() -> clients.update(reviewer, seen.id(), anIndividual("Changed")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> clients.archive(reviewer, seen.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> clients.addContact(reviewer, seen.id(), aContact("X", null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> clients.create(reviewer, anIndividual("New"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> clients.update(reviewer, unseen.id(), anIndividual("Changed")))
			.isInstanceOf(NotFoundException.class);
		assertThat(clients.get(owner, unseen.id()).name()).isEqualTo("Unseen Uma");
	}

	@Test
	void aPreparerChangesTheClientsTheySeeOnly(ApplicationEvents events) {
		var seen = clients.create(owner, anIndividual("Seen Sam"));
		var unseen = clients.create(owner, anIndividual("Unseen Uma"));
		var preparer = aMemberIn(BuiltInTeam.PREPARERS, staff, events, owner);
		assign(jdbc, preparer, seen.id(), AssignmentRole.PREPARER);

		assertThat(clients.update(preparer, seen.id(), anIndividual("Seen Samuel")).name()).isEqualTo("Seen Samuel");
		assertThatThrownBy(() -> clients.archive(preparer, unseen.id())).isInstanceOf(NotFoundException.class);
		assertThat(clients.get(owner, unseen.id()).status()).isEqualTo(ClientStatus.ACTIVE);
	}

	@Test
	void anAdminAndAnAccessAllMemberSeeEveryClient(ApplicationEvents events) {
		clients.create(owner, anIndividual("Anyone"));
		var admin = ClientFixtures.aColleague(staff, events, owner, FirmRole.ADMIN);
		assertThat(clients.count(admin, ClientQuery.everything())).isEqualTo(1);

		var member = ClientFixtures.aColleague(staff, events, owner, FirmRole.MEMBER);
		var team = staff.createTeam(owner, "Partners",
				java.util.Set.of(io.atrium.staff.Permission.VIEW_CLIENTS, io.atrium.staff.Permission.ACCESS_ALL_CLIENTS));
		staff.addToTeam(owner, team.id(), member.id());
		member = staff.activePrincipal(member.id()).orElseThrow();
		assertThat(clients.count(member, ClientQuery.everything())).isEqualTo(1);
	}

	@Test
	void anotherFirmsClientsAndContactsAreNotFoundAndStayAsTheyWere() {
		var client = clients.create(owner, anIndividual("Private Client"));
		var contact = clients.addContact(owner, client.id(), aContact("Pat Private", "pat@example.com"));
		var stranger = StaffFixtures.aFirmWithOwner(staff);

		assertThatThrownBy(() -> clients.get(stranger, client.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clients.update(stranger, client.id(), anIndividual("Taken")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clients.archive(stranger, client.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clients.contact(stranger, client.id(), contact.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clients.deleteContact(stranger, client.id(), contact.id()))
			.isInstanceOf(NotFoundException.class);
		assertThat(clients.count(stranger, query("private"))).isZero();
		assertThat(clients.visible(stranger, List.of(client.id()))).isEmpty();
		assertThat(clients.find(stranger.firm(), client.id())).isEmpty();
		assertThatThrownBy(() -> clients.typeOf(stranger.firm(), client.id())).isInstanceOf(NotFoundException.class);
		assertThat(clients.clientsOfEmail(stranger.firm(), "pat@example.com")).isEmpty();
		assertThat(clients.contactsOf(stranger.firm(), client.id())).isEmpty();
		assertThat(clients.findContact(stranger.firm(), client.id(), contact.id())).isEmpty();
		assertThat(clients.contactsOf(owner.firm(), client.id())).containsExactly(contact);
		assertThat(clients.findContact(owner.firm(), client.id(), contact.id())).contains(contact);
		assertThat(clients.get(owner, client.id()).name()).isEqualTo("Private Client");
		assertThat(clients.contacts(owner, client.id())).hasSize(1);
	}

	@Test
	void tellsWhichClientsAContactAddressBelongsTo() {
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		var household = clients.create(owner, anIndividual("Hannah & Chidi Okoye"));
		clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@example.com"));
		clients.addContact(owner, household.id(), aContact("Hannah Okoye", "hannah@example.com"));
		clients.addContact(owner, household.id(), aContact("Chidi Okoye", "hannah@example.com"));

		assertThat(clients.clientsOfEmail(owner.firm(), " Hannah@Example.com ")).containsExactly(bakery.id(),
				household.id());
		assertThat(clients.clientsOfEmail(owner.firm(), "nobody@example.com")).isEmpty();
		assertThat(clients.typeOf(owner.firm(), bakery.id())).isEqualTo(ClientType.BUSINESS);
		assertThatThrownBy(() -> clients.typeOf(owner.firm(), new ClientId(UUID.randomUUID())))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aConfirmedImportAnnouncesEachClientAndContactAndTheImport(ApplicationEvents events) {
		var csv = """
				type,name,contact_name,contact_email
				business,Acme,Ann,ann@example.com
				business,Acme,Bob,bob@example.com
				individual,Zed,,
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		var preview = clients.previewImport(owner, csv);
		assertThat(preview.clients()).hasSize(2);
		assertThat(preview.contacts()).isEqualTo(2);
		assertThat(events.stream(ClientCreated.class)).isEmpty();

		var result = clients.importClients(owner, csv);
		assertThat(result).isEqualTo(new ImportResult(2, 2, 0));
		assertThat(events.stream(ClientCreated.class)).extracting(ClientCreated::name).containsExactly("Acme", "Zed");
		assertThat(events.stream(ContactAdded.class)).hasSize(2);
		assertThat(events.stream(ClientsImported.class)).containsExactly(new ClientsImported(owner.firm(), 2, owner.id()));
	}

	@Test
	void demoDataGivesADemoFirmThirtyClientsWithContacts(ApplicationEvents events) {
		var email = StaffFixtures.uniqueEmail("demo");
		var ownerView = staff.signUp(new StaffManagement.NewFirm("Demo Firm", StaffFixtures.uniqueSlug(), "Dee Demo",
				email, StaffFixtures.PASSWORD, true));
		var demoOwner = staff.activePrincipal(ownerView.id()).orElseThrow();
		assertThat(clients.count(demoOwner, ClientQuery.everything())).isEqualTo(30);
		assertThat(events.stream(ClientCreated.class).filter(e -> e.firm().equals(demoOwner.firm())))
			.hasSize(30)
			.allSatisfy(e -> assertThat(e.by()).isEqualTo(demoOwner.id()));
		assertThat(clients.clientsOfEmail(demoOwner.firm(), "hannah@blueheronbakery.example.com")).hasSize(2);
		var garcia = clients.search(demoOwner, query("Garcia")).clients().get(0);
		assertThat(clients.contacts(demoOwner, garcia.id())).extracting(ContactView::email)
			.containsOnly("garcia.family@example.com")
			.hasSize(2);
	}

	private ClientQuery query(String text) {
		return new ClientQuery(text, null, null, null, null, false, 0, 25);
	}

	private List<String> names(ClientQuery query) {
		return names(owner, query);
	}

	private List<String> names(StaffPrincipal viewer, ClientQuery query) {
		return clients.search(viewer, query).clients().stream().map(ClientView::name).toList();
	}
}

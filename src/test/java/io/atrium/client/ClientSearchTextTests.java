package io.atrium.client;

import static io.atrium.client.ClientFixtures.aBusiness;
import static io.atrium.client.ClientFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/**
 * The search looks in one column kept on the client row ({@code search_text}): it follows every change to the
 * client's name and email and to its contacts, matches within one name or address only, and takes LIKE's wildcards
 * literally.
 */
class ClientSearchTextTests extends AtriumIntegrationTest {

	private final ClientManagement clients;
	private final StaffManagement staff;

	StaffPrincipal owner;

	@Autowired
	ClientSearchTextTests(ClientManagement clients, StaffManagement staff) {
		this.clients = clients;
		this.staff = staff;
	}

	@BeforeEach
	void firm() {
		owner = StaffFixtures.aFirmWithOwner(staff);
	}

	@Test
	void findsAClientByPartOfAContactsNameOrEmailWhateverTheCase() {
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "Hannah.Books@Example.com"));
		clients.create(owner, aBusiness("Robert Chen"));

		assertThat(found("OKOY")).containsExactly("Blue Heron Bakery LLC");
		assertThat(found("nnah ok")).containsExactly("Blue Heron Bakery LLC");
		assertThat(found("h.BOOKS@exam")).containsExactly("Blue Heron Bakery LLC");
		assertThat(found("ooks@")).containsExactly("Blue Heron Bakery LLC");
	}

	@Test
	void aChangedContactEmailIsFoundByTheNewAddressOnly() {
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		var hannah = clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@old-mail.example"));
		assertThat(found("old-mail")).containsExactly("Blue Heron Bakery LLC");

		clients.updateContact(owner, bakery.id(), hannah.id(), aContact("Hannah Okoye", "hannah@new-mail.example"));
		assertThat(found("old-mail")).isEmpty();
		assertThat(found("NEW-MAIL")).containsExactly("Blue Heron Bakery LLC");
		assertThat(found("okoye")).as("the name is still there").containsExactly("Blue Heron Bakery LLC");
	}

	@Test
	void aDeletedContactNoLongerFindsItsClient() {
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		var hannah = clients.addContact(owner, bakery.id(), aContact("Hannah Okoye", "hannah@example.com"));
		clients.addContact(owner, bakery.id(), aContact("Devon Price", "devon@example.com"));
		assertThat(found("okoye")).containsExactly("Blue Heron Bakery LLC");

		clients.deleteContact(owner, bakery.id(), hannah.id());
		assertThat(found("okoye")).isEmpty();
		assertThat(found("hannah@")).isEmpty();
		assertThat(found("devon")).as("the other contact still finds it").containsExactly("Blue Heron Bakery LLC");
	}

	@Test
	void aRenamedClientIsFoundByItsNewNameOnly() {
		var client = clients.create(owner, new NewClient(ClientType.BUSINESS, "Marigold Florists", "shop@marigold.example",
				null, null));
		clients.addContact(owner, client.id(), aContact("Ines Duarte", null));

		clients.update(owner, client.id(), new NewClient(ClientType.BUSINESS, "Sunflower Studio", "hello@sunflower.example",
				null, null));
		assertThat(found("sunflower studio")).containsExactly("Sunflower Studio");
		assertThat(found("hello@sun")).containsExactly("Sunflower Studio");
		assertThat(found("marigold")).as("neither the old name nor the old address").isEmpty();
		assertThat(found("duarte")).as("contacts are kept").containsExactly("Sunflower Studio");
	}

	@Test
	void aSearchNeverMatchesAcrossTwoNamesOrAddresses() {
		var client = clients.create(owner, new NewClient(ClientType.BUSINESS, "Acme Corp", "billing@acme.example", null,
				null));
		clients.addContact(owner, client.id(), aContact("Hannah Okoye", "hannah@acme.example"));
		assertThat(found("corp")).containsExactly("Acme Corp");
		assertThat(found("billing")).containsExactly("Acme Corp");

		assertThat(found("corp\nbilling")).as("the name's end and the email's start").isEmpty();
		assertThat(found("acme.example\nhannah")).as("the client's email and the contact's name").isEmpty();
		assertThat(found("okoye\nhannah@")).as("a contact's name and its email").isEmpty();
		assertThat(found("corp billing")).isEmpty();
	}

	@Test
	void percentAndUnderscoreAreTakenLiterally() {
		clients.create(owner, aBusiness("100% Organic Farms"));
		clients.create(owner, aBusiness("A_B Holdings"));
		clients.create(owner, aBusiness("AxB Holdings"));
		clients.create(owner, aBusiness("1000 Organic Farms"));

		assertThat(found("%")).containsExactly("100% Organic Farms");
		assertThat(found("0% o")).containsExactly("100% Organic Farms");
		assertThat(found("_")).containsExactly("A_B Holdings");
		assertThat(found("a_b")).containsExactly("A_B Holdings");
		assertThat(found("holdings")).containsExactly("A_B Holdings", "AxB Holdings");
	}

	@Test
	void anImportedClientIsFoundByItsContactsEmail() {
		clients.importClients(owner, """
				type,name,contact_name,contact_email
				business,Imported Ltd,Ann Imported,ann@imported.example
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(found("ann@imported")).containsExactly("Imported Ltd");
		assertThat(found("ann imp")).containsExactly("Imported Ltd");
	}

	@Test
	void aClientWithoutSearchTextIsStillFoundByNameAndEmail(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		// as written by a node that predates the column, during a rolling upgrade
		var bakery = clients.create(owner, aBusiness("Blue Heron Bakery LLC"));
		jdbc.sql("update client set search_text = null where id = :id").param("id", bakery.id().value()).update();
		assertThat(found("heron")).containsExactly("Blue Heron Bakery LLC");
	}

	private List<String> found(String text) {
		return clients.search(owner, new ClientQuery(text, null, null, null, null, false, 0, 25))
			.clients()
			.stream()
			.map(ClientView::name)
			.toList();
	}
}

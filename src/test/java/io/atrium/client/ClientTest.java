package io.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;

class ClientTest {

	private static final FirmId FIRM = FirmId.random();
	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void aNewClientIsActiveWithItsDetailsTidied() {
		var client = Client.create(FIRM, new NewClient(ClientType.BUSINESS, "  Blue\tHeron\nBakery LLC ",
				" Hello@BlueHeron.Example.com ", " (512) 555-0190 ", "\r\n Line one\r\nLine two \u0000\n"), NOW);
		var view = client.view();
		assertThat(view.name()).isEqualTo("Blue Heron Bakery LLC");
		assertThat(view.email()).isEqualTo("hello@blueheron.example.com");
		assertThat(view.phone()).isEqualTo("(512) 555-0190");
		assertThat(view.notes()).isEqualTo("Line one\nLine two");
		assertThat(view.status()).isEqualTo(ClientStatus.ACTIVE);
		assertThat(view.createdAt()).isEqualTo(NOW);
		assertThat(client.firm()).isEqualTo(FIRM);
	}

	@Test
	void blankOptionalValuesAreNothing() {
		var view = Client.create(FIRM, new NewClient(ClientType.INDIVIDUAL, "Robert Chen", " ", "", "  "), NOW).view();
		assertThat(view.email()).isNull();
		assertThat(view.phone()).isNull();
		assertThat(view.notes()).isNull();
	}

	@Test
	void anEditSaysWhatChanged() {
		var client = Client.create(FIRM, new NewClient(ClientType.INDIVIDUAL, "Maria Garcia", null, null, null), NOW);
		assertThat(client.edit(new NewClient(ClientType.INDIVIDUAL, "Maria Garcia", null, null, null))).isEmpty();
		assertThat(client.edit(new NewClient(ClientType.BUSINESS, "Garcia LLC", "a@example.com", null, "n")))
			.isEqualTo("renamed from \"Maria Garcia\", type individual → business, email, notes");
		assertThat(client.view().name()).isEqualTo("Garcia LLC");
	}

	@Test
	void archivesAndRestoresOnce() {
		var client = Client.create(FIRM, new NewClient(ClientType.INDIVIDUAL, "Robert Chen", null, null, null), NOW);
		assertThat(client.restore()).isFalse();
		assertThat(client.archive()).isTrue();
		assertThat(client.archive()).isFalse();
		assertThat(client.view().isArchived()).isTrue();
		assertThat(client.restore()).isTrue();
		assertThat(client.status()).isEqualTo(ClientStatus.ACTIVE);
	}

	@Test
	void refusesWhatItCannotStore() {
		assertRefused(new NewClient(ClientType.INDIVIDUAL, " \n ", null, null, null), "name");
		assertRefused(new NewClient(ClientType.INDIVIDUAL, "x".repeat(201), null, null, null), "name");
		assertRefused(new NewClient(null, "Robert Chen", null, null, null), "type");
		assertRefused(new NewClient(ClientType.INDIVIDUAL, "Robert Chen", "robert@", null, null), "email");
		assertRefused(new NewClient(ClientType.INDIVIDUAL, "Robert Chen", "rob ert@example.com", null, null), "email");
		assertRefused(new NewClient(ClientType.INDIVIDUAL, "Robert Chen", "a@" + "b".repeat(250) + ".com", null, null),
				"email");
		assertRefused(new NewClient(ClientType.INDIVIDUAL, "Robert Chen", null, "5".repeat(41), null), "phone");
		assertRefused(new NewClient(ClientType.INDIVIDUAL, "Robert Chen", null, null, "n".repeat(4001)), "notes");
		var client = Client.create(FIRM, new NewClient(ClientType.INDIVIDUAL, "Robert Chen", null, null, null), NOW);
		assertThatThrownBy(() -> client.edit(new NewClient(ClientType.INDIVIDUAL, "", null, null, null)))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(client.view().name()).isEqualTo("Robert Chen");
	}

	@Test
	void aContactsAddressIsStoredInLowerCaseAndItsChangesAreNamed() {
		var contact = Contact.create(FIRM, new ClientId(java.util.UUID.randomUUID()),
				new NewContact(" Hannah Okoye ", "Hannah@Example.COM", null, null), NOW);
		assertThat(contact.view().email()).isEqualTo("hannah@example.com");
		assertThat(contact.view().name()).isEqualTo("Hannah Okoye");
		assertThat(contact.edit(new NewContact("Hannah Okoye", "hannah@example.com", null, null))).isEmpty();
		assertThat(contact.edit(new NewContact("Hannah O.", "", "555", null)))
			.isEqualTo("renamed from \"Hannah Okoye\", email hannah@example.com → none, phone");
		assertThatThrownBy(() -> contact.edit(new NewContact("Hannah", "hannah@@example.com", null, null)))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("email"));
	}

	private static void assertRefused(NewClient details, String field) {
		assertThatThrownBy(() -> Client.create(FIRM, details, NOW)).isInstanceOfSatisfying(
				InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
	}
}

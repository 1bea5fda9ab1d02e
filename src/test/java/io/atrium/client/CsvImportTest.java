package io.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.atrium.client.ImportProblem.Kind;

class CsvImportTest {

	private static final String HEADER = "type,name,email,phone,notes,contact_name,contact_email,contact_phone\n";

	@Test
	void linesWithTheSameTypeAndNameMakeOneClientWithSeveralContacts() {
		var parsed = parse(HEADER
				+ "Individual,Maria & Luis Garcia,Garcia.Family@example.com,(512) 555-0141,Joint,Maria Garcia,garcia.family@example.com,\n"
				+ "individual,maria & luis garcia,,,,Luis Garcia,GARCIA.FAMILY@example.com,(512) 555-0142\n"
				+ "BUSINESS,Blue Heron Bakery LLC,,,,,,\n");
		assertThat(parsed.rows()).isEqualTo(3);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.clients()).hasSize(2);
		var garcia = parsed.clients().get(0);
		assertThat(garcia.line()).isEqualTo(2);
		assertThat(garcia.type()).isEqualTo(ClientType.INDIVIDUAL);
		assertThat(garcia.name()).isEqualTo("Maria & Luis Garcia");
		assertThat(garcia.email()).isEqualTo("garcia.family@example.com");
		assertThat(garcia.notes()).isEqualTo("Joint");
		assertThat(garcia.contacts()).extracting(NewContact::name).containsExactly("Maria Garcia", "Luis Garcia");
		assertThat(garcia.contacts()).extracting(NewContact::email).containsOnly("garcia.family@example.com");
		assertThat(parsed.clients().get(1).contacts()).isEmpty();
		assertThat(parsed.clients().get(1).type()).isEqualTo(ClientType.BUSINESS);
	}

	@Test
	void reportsEachBadLineWithItsLineNumberAndKeepsTheGoodOnes() {
		var parsed = parse(HEADER
				+ "individual,Good One,,,,,,\n"
				+ "individual,,,,,,,\n"
				+ "robot,Bad Type,,,,,,\n"
				+ "\n"
				+ "individual,Bad Email,nope@,,,,,\n"
				+ "individual," + "x".repeat(201) + ",,,,,,\n"
				+ "individual,\"Multi\nLine Notes\",,,,,,\n"
				+ "individual,No Contact Name,,,,,someone@example.com,\n"
				+ "individual,Too Many,,,,,,,extra\n"
				+ "individual,Good Two,,,\"a,b\nc\",,,\n");
		assertThat(parsed.clients()).extracting(ImportedClient::name)
			.containsExactly("Good One", "Multi Line Notes", "Good Two");
		assertThat(parsed.clients().get(2).notes()).isEqualTo("a,b\nc");
		assertThat(parsed.problems()).extracting(ImportProblem::line).containsExactly(3, 4, 6, 7, 10, 11);
		assertThat(parsed.problems()).extracting(ImportProblem::messageKey).containsExactly(
				"client.import.row.required", "client.import.row.type", "client.import.row.email",
				"client.import.row.too-long", "client.import.row.contact-name", "client.import.row.extra-values");
		assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.ERROR));
		assertThat(parsed.problems().get(1).messageArgs()).containsExactly("4", "robot");
	}

	@Test
	void aNameRepeatedWithAnotherTypeAndARepeatedContactAreDuplicates() {
		var parsed = parse(HEADER
				+ "business,Acme,,,,Ann,ann@example.com,\n"
				+ "individual,ACME,,,,,,\n"
				+ "business,Acme,,,,Ann,Ann@Example.com,\n");
		assertThat(parsed.clients()).singleElement().satisfies(c -> assertThat(c.contacts()).hasSize(1));
		assertThat(parsed.problems()).extracting(ImportProblem::line, ImportProblem::kind, ImportProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, Kind.DUPLICATE, "client.import.row.other-type"),
					org.assertj.core.groups.Tuple.tuple(4, Kind.DUPLICATE, "client.import.row.contact-repeated"));
	}

	@Test
	void readsTheExportsOwnColumnsAndUndoesItsFormulaProtection() {
		var parsed = parse("\uFEFFtype,name,email,phone,status,created,contacts\r\n"
				+ "business,'=Acme,,'+1 555 0100,archived,2026-01-02 03:04:05Z,Ann Lee <ann@example.com>; Bob; '@Cy <cy@example.com>\r\n");
		assertThat(parsed.problems()).isEmpty();
		var acme = parsed.clients().get(0);
		assertThat(acme.name()).isEqualTo("=Acme");
		assertThat(acme.phone()).isEqualTo("+1 555 0100");
		assertThat(acme.status()).isEqualTo(ClientStatus.ARCHIVED);
		assertThat(acme.contacts()).extracting(NewContact::name, NewContact::email).containsExactly(
				org.assertj.core.groups.Tuple.tuple("Ann Lee", "ann@example.com"),
				org.assertj.core.groups.Tuple.tuple("Bob", null),
				org.assertj.core.groups.Tuple.tuple("'@Cy", "cy@example.com"));
	}

	@Test
	void matchesHeaderNamesWithoutRegardToCaseOrSpacesAndNeedsOnlyTypeAndName() {
		var parsed = parse("Name, Type ,Contact Email,contact-name\nAcme,business,a@example.com,Ann\n");
		assertThat(parsed.clients()).singleElement().satisfies(c -> {
			assertThat(c.name()).isEqualTo("Acme");
			assertThat(c.contacts()).extracting(NewContact::email).containsExactly("a@example.com");
		});
	}

	@Test
	void rejectsAFileWithUnknownOrMissingColumns() {
		assertRejected("type,name,fax\nindividual,A,1\n", "client.import.header.unknown");
		assertRejected("name,email\nA,a@example.com\n", "client.import.header.missing");
		assertRejected("Maria Garcia,individual\n", "client.import.header.unknown");
		assertRejected("type,name,name\n", "client.import.header.repeated");
	}

	@Test
	void rejectsWhatIsNotUtf8TextOrNotCsv() {
		var latin1 = "type,name\nindividual,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> CsvImport.parse(latin1)).isInstanceOfSatisfying(ImportRejected.class,
				e -> assertThat(e.messageKey()).isEqualTo("client.import.not-utf8"));
		assertRejected("type,name\nindividual,A\u0000B\n", "client.import.not-text");
		assertRejected("", "client.import.empty");
		assertRejected("  \n\n", "client.import.empty");
		assertThatThrownBy(() -> CsvImport.parse("type,name\nindividual,\"Open quote\nbusiness,B\n"
				.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(ImportRejected.class, e -> {
					assertThat(e.messageKey()).isEqualTo("client.import.malformed");
					assertThat(e.args()).containsExactly("2");
				});
		var junk = new byte[1024 * 1024];
		new Random(42).nextBytes(junk);
		assertThatThrownBy(() -> CsvImport.parse(junk)).isInstanceOf(ImportRejected.class);
		assertThatThrownBy(() -> CsvImport.parse(new byte[CsvImport.MAX_BYTES + 1]))
			.isInstanceOfSatisfying(ImportRejected.class,
					e -> assertThat(e.messageKey()).isEqualTo("client.import.too-large"));
	}

	@Test
	void randomPrintableJunkNeverFailsWithAnythingButARejectionOrLineProblems() {
		var random = new Random(7);
		var alphabet = "abc,\"\n\r;<>@=+-' \t\u00e9".toCharArray();
		for (int round = 0; round < 300; round++) {
			var text = new StringBuilder("type,name,contacts\n");
			for (int i = 0; i < 200; i++) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			try {
				CsvImport.parse(text.toString().getBytes(StandardCharsets.UTF_8));
			}
			catch (ImportRejected e) {
				// a clear rejection is fine
			}
		}
	}

	private static CsvImport.Parsed parse(String csv) {
		return CsvImport.parse(csv.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertRejected(String csv, String key) {
		assertThatThrownBy(() -> parse(csv)).isInstanceOfSatisfying(ImportRejected.class,
				e -> assertThat(e.messageKey()).isEqualTo(key));
	}
}

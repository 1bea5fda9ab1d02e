package io.atrium.client;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.atrium.staff.FirmSetUp;

/**
 * A demo firm's clients: households and businesses with one to three contacts, including spouses who share one
 * address and a bakery owner who is a contact of her business and of her own household. Created in the setup's
 * transaction, as its Owner, with {@link ClientCreated} for each so that demo assignments can follow.
 */
@Component
class DemoClients {

	record Person(String name, String email, String phone) {
	}

	record Demo(ClientType type, String name, String email, String phone, String notes, List<Person> people) {
	}

	private static final ClientType I = ClientType.INDIVIDUAL;
	private static final ClientType B = ClientType.BUSINESS;

	static final List<Demo> CLIENTS = List.of(
			new Demo(I, "Maria & Luis Garcia", "garcia.family@example.com", "(512) 555-0141",
					"Married filing jointly. Two dependents.", List.of(
							new Person("Maria Garcia", "garcia.family@example.com", "(512) 555-0141"),
							new Person("Luis Garcia", "garcia.family@example.com", "(512) 555-0142"))),
			new Demo(B, "Blue Heron Bakery LLC", "hello@blueheronbakery.example.com", "(512) 555-0190",
					"Single-member LLC, calendar year. Quarterly sales tax.", List.of(
							new Person("Hannah Okoye", "hannah@blueheronbakery.example.com", "(512) 555-0191"),
							new Person("Devon Price", "books@blueheronbakery.example.com", null))),
			new Demo(I, "Hannah & Chidi Okoye", "hannah@blueheronbakery.example.com", "(512) 555-0191",
					"Hannah also owns Blue Heron Bakery LLC.", List.of(
							new Person("Hannah Okoye", "hannah@blueheronbakery.example.com", "(512) 555-0191"),
							new Person("Chidi Okoye", "chidi.okoye@example.net", "(512) 555-0193"))),
			new Demo(I, "Robert Chen", "robert.chen@example.com", "(415) 555-0102", null,
					List.of(new Person("Robert Chen", "robert.chen@example.com", "(415) 555-0102"))),
			new Demo(B, "Chen Dental Group PC", "office@chendental.example.com", "(415) 555-0110",
					"S corporation. Payroll through a provider.", List.of(
							new Person("Robert Chen", "robert.chen@example.com", "(415) 555-0102"),
							new Person("Alicia Moreno", "alicia@chendental.example.com", "(415) 555-0111"))),
			new Demo(I, "Priya Natarajan", "priya.n@example.org", "(206) 555-0133", "Moved from Oregon mid-year.",
					List.of(new Person("Priya Natarajan", "priya.n@example.org", "(206) 555-0133"))),
			new Demo(I, "James & Olivia Whitaker", "whitakers@example.com", "(617) 555-0177", null, List.of(
					new Person("James Whitaker", "whitakers@example.com", "(617) 555-0177"),
					new Person("Olivia Whitaker", "whitakers@example.com", null))),
			new Demo(B, "Northwind Landscaping Inc.", "admin@northwindlandscaping.example.com", "(303) 555-0150",
					"C corporation, fiscal year ending June 30.", List.of(
							new Person("Tom Becker", "tom@northwindlandscaping.example.com", "(303) 555-0151"),
							new Person("Grace Liu", "grace@northwindlandscaping.example.com", "(303) 555-0152"),
							new Person("Accounts Payable", "ap@northwindlandscaping.example.com", null))),
			new Demo(I, "Fatima Al-Sayed", "fatima.alsayed@example.net", "(312) 555-0120", null,
					List.of(new Person("Fatima Al-Sayed", "fatima.alsayed@example.net", "(312) 555-0120"))),
			new Demo(B, "Harbor Light Books LLC", "store@harborlightbooks.example.com", "(207) 555-0166",
					"Partnership return (1065). Two members.", List.of(
							new Person("Evelyn Marsh", "evelyn@harborlightbooks.example.com", "(207) 555-0167"),
							new Person("Colin Marsh", "colin@harborlightbooks.example.com", "(207) 555-0168"))),
			new Demo(I, "Daniel Kowalski", "dan.kowalski@example.com", "(414) 555-0188", "Rental property in Milwaukee.",
					List.of(new Person("Daniel Kowalski", "dan.kowalski@example.com", "(414) 555-0188"))),
			new Demo(I, "Sofia & Marco Rossi", "rossi.home@example.org", "(718) 555-0144", null, List.of(
					new Person("Sofia Rossi", "rossi.home@example.org", "(718) 555-0144"),
					new Person("Marco Rossi", "marco.rossi@example.org", "(718) 555-0145"))),
			new Demo(B, "Summit Ridge Physical Therapy PLLC", "frontdesk@summitridgept.example.com", "(801) 555-0112",
					null, List.of(
							new Person("Dr. Naomi Fischer", "naomi@summitridgept.example.com", "(801) 555-0113"),
							new Person("Luke Harmon", "billing@summitridgept.example.com", null))),
			new Demo(I, "Grace Thompson", "grace.thompson@example.com", "(404) 555-0171", "Retired. RMDs from two IRAs.",
					List.of(new Person("Grace Thompson", "grace.thompson@example.com", "(404) 555-0171"),
							new Person("Mark Thompson (son, POA)", "mark.thompson@example.net", "(404) 555-0172"))),
			new Demo(B, "Copper Kettle Catering Co.", "events@copperkettle.example.com", "(615) 555-0139", null, List.of(
					new Person("Renee Dubois", "renee@copperkettle.example.com", "(615) 555-0140"))),
			new Demo(I, "Ahmed & Leila Haddad", "haddad.family@example.com", "(713) 555-0158",
					"First year filing jointly.", List.of(
							new Person("Ahmed Haddad", "haddad.family@example.com", "(713) 555-0158"),
							new Person("Leila Haddad", "haddad.family@example.com", "(713) 555-0159"))),
			new Demo(B, "Brightline Software Inc.", "finance@brightline.example.com", "(650) 555-0101",
					"Delaware C corp. R&D credit study in progress.", List.of(
							new Person("Kevin O'Brien", "kevin@brightline.example.com", "(650) 555-0102"),
							new Person("Sara Lindqvist", "sara@brightline.example.com", "(650) 555-0103"))),
			new Demo(I, "Kevin O'Brien", "kevin.obrien@example.net", "(650) 555-0104", null,
					List.of(new Person("Kevin O'Brien", "kevin.obrien@example.net", "(650) 555-0104"))),
			new Demo(I, "Emily Nakamura", "emily.nakamura@example.com", "(808) 555-0122", null,
					List.of(new Person("Emily Nakamura", "emily.nakamura@example.com", "(808) 555-0122"))),
			new Demo(B, "Riverside Auto Repair LLC", "shop@riversideauto.example.com", "(916) 555-0183",
					"Two locations. Equipment depreciation schedule.", List.of(
							new Person("Miguel Santos", "miguel@riversideauto.example.com", "(916) 555-0184"))),
			new Demo(I, "William & Grace Okafor", "okafor.household@example.org", "(301) 555-0163", null, List.of(
					new Person("William Okafor", "okafor.household@example.org", "(301) 555-0163"),
					new Person("Grace Okafor", "grace.okafor@example.org", "(301) 555-0164"))),
			new Demo(B, "Green Valley Farms Partnership", "office@greenvalleyfarms.example.com", "(559) 555-0135",
					"Schedule F activity; three partners.", List.of(
							new Person("Ruth Jansen", "ruth@greenvalleyfarms.example.com", "(559) 555-0136"),
							new Person("Peter Jansen", "peter@greenvalleyfarms.example.com", "(559) 555-0137"),
							new Person("Anna Jansen", "anna@greenvalleyfarms.example.com", null))),
			new Demo(I, "Lucas Martin", "lucas.martin@example.com", "(503) 555-0109", "Freelance designer, Schedule C.",
					List.of(new Person("Lucas Martin", "lucas.martin@example.com", "(503) 555-0109"))),
			new Demo(B, "Atlas Property Management LLC", "info@atlaspm.example.com", "(602) 555-0147", null, List.of(
					new Person("Diane Foster", "diane@atlaspm.example.com", "(602) 555-0148"),
					new Person("Omar Khalil", "omar@atlaspm.example.com", "(602) 555-0149"))),
			new Demo(I, "Isabella Romero", "isabella.romero@example.net", "(505) 555-0126", null,
					List.of(new Person("Isabella Romero", "isabella.romero@example.net", "(505) 555-0126"))),
			new Demo(I, "Nathan & Chloe Brooks", "brooks.family@example.com", "(919) 555-0181", "New baby in March.",
					List.of(new Person("Nathan Brooks", "brooks.family@example.com", "(919) 555-0181"),
							new Person("Chloe Brooks", "brooks.family@example.com", null))),
			new Demo(B, "Lakeside Yoga Studio", "namaste@lakesideyoga.example.com", "(612) 555-0174",
					"Sole proprietorship.", List.of(
							new Person("Mia Andersen", "mia@lakesideyoga.example.com", "(612) 555-0175"))),
			new Demo(I, "George Papadopoulos", "george.p@example.org", "(847) 555-0116", "Foreign tax credit (Greece).",
					List.of(new Person("George Papadopoulos", "george.p@example.org", "(847) 555-0116"))),
			new Demo(B, "Pinecrest Legal Services PC", "contact@pinecrestlegal.example.com", "(503) 555-0161", null,
					List.of(new Person("Alan Whitfield", "alan@pinecrestlegal.example.com", "(503) 555-0162"),
							new Person("Joyce Kim", "joyce@pinecrestlegal.example.com", "(503) 555-0165"))),
			new Demo(I, "Samantha Reed", "sam.reed@example.com", "(720) 555-0197", null,
					List.of(new Person("Samantha Reed", "sam.reed@example.com", "(720) 555-0197"))));

	/** Clients that start archived, to show that archiving keeps them out of the default list. */
	private static final List<String> ARCHIVED = List.of("Isabella Romero");

	private final ClientManagement clients;

	DemoClients(ClientManagement clients) {
		this.clients = clients;
	}

	/** Ordered between the engagement module's demo listeners: after its onboarding defaults, before its engagements. */
	@EventListener
	@Order(0)
	void on(FirmSetUp event) {
		if (!event.demoData()) {
			return;
		}
		for (var demo : CLIENTS) {
			var client = clients.create(event.firm(), new NewClient(demo.type(), demo.name(), demo.email(), demo.phone(),
					demo.notes()), ARCHIVED.contains(demo.name()) ? ClientStatus.ARCHIVED : ClientStatus.ACTIVE,
					event.owner());
			for (var person : demo.people()) {
				clients.addContact(event.firm(), client.id(), new NewContact(person.name(), person.email(),
						person.phone(), null), event.owner());
			}
		}
	}
}

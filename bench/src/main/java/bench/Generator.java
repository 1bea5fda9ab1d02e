package bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

/**
 * Fills an empty, migrated Atrium database with one large firm and 50 small ones (issue 6, "Data"). Deterministic:
 * every id, name and choice comes from one seeded Random, so two runs give the same rows (except the few thousand
 * real documents, which the running app stores under ids of its own). Bulk rows go in by COPY; real files go in
 * through the app's upload endpoint, and the million document records then point at those encrypted blobs.
 * <p>
 * Usage: {@code Generator <jdbc-url> <app-base-url> <feeder-dir> [scale]} (scale 1.0 = the full size).
 */
public final class Generator {

	static final String PASSWORD = "Bench-password-2026!";
	static final String BIG_SLUG = "bigfirm";
	static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

	static final String[] FIRST = { "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
			"David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
			"Charles", "Karen", "Chris", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark",
			"Margaret", "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua",
			"Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy",
			"Stephanie", "Ronald", "Rebecca", "Jason", "Sharon", "Edward", "Laura", "Jeffrey", "Cynthia", "Ryan",
			"Dorothy", "Jacob", "Amy", "Gary", "Kathleen", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan",
			"Emma", "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Nicole", "Scott", "Anna", "Brandon", "Samantha",
			"Benjamin", "Katherine", "Samuel", "Christine", "Gregory", "Debra", "Alexander", "Rachel", "Patrick",
			"Carolyn", "Frank", "Janet", "Raymond", "Maria", "Jack", "Olivia", "Dennis", "Heather", "Jerry", "Helen" };
	static final String[] LAST = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
			"Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
			"Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
			"Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
			"Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
			"Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
			"Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
			"Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson",
			"Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
			"Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez" };
	static final String[] BUSINESS = { "Holdings LLC", "& Sons Inc.", "Consulting LLC", "Bakery", "Dental Group",
			"Construction Co.", "Properties LP", "Logistics Inc.", "Family Trust", "Design Studio", "Farms",
			"Auto Repair", "Law Office", "Medical PC", "Restaurant Group" };
	static final String[] DOC_NAMES = { "W-2", "1099-INT", "1099-DIV", "1098 Mortgage", "Bank statement",
			"Brokerage statement", "Receipts", "Payroll report", "Profit and loss", "Balance sheet", "K-1",
			"Engagement letter", "Prior year return", "Property tax bill", "Charity receipts", "ID copy" };
	static final List<String> TYPES = List.of("1040", "1065", "1120", "1120S", "990", "Bookkeeping", "Payroll",
			"Advisory", "Legal matter", "Other");
	static final List<String> STAGES = List.of("Not started", "Awaiting documents", "In preparation", "In review",
			"Ready for signature", "Filed", "Complete");
	static final String[] ROLES = { "PREPARER", "REVIEWER", "SIGNER", "ASSIGNED_TO" };

	/** How big one firm is. */
	record Spec(String slug, String name, int staff, int clients, int contactsPerClient, int engagementsPerClient,
			int documentsPerClient, int messagesPerConversation, double portalShare) {
	}

	/** A blob the app stored (real, encrypted), which metadata rows may point at. */
	record Blob(String key, String keyId, String contentType, long size, String sha256, String name) {
	}

	final Random rnd = new Random(20260601L);
	final Connection db;
	final String base;
	final Path feeders;
	final double scale;
	final String hash;
	final Map<String, Long> timings = new LinkedHashMap<>();
	final Map<String, Long> counts = new LinkedHashMap<>();
	final Instant now = Instant.now();

	// the current firm while generating it
	UUID firmId;
	Spec spec;
	UUID[] staff;
	String[] staffName;
	String[] staffRole;
	List<Integer> preparers, reviewers, signers, assignees;
	UUID[] types, stages;
	UUID[] clients;
	String[] clientName;
	boolean[] clientBusiness;
	UUID[] contacts;
	String[] contactName;
	boolean[] contactPortal;
	UUID[] engagements;
	boolean[] engagementShared;

	// the big firm, for the feeders and the document phase
	Map<String, Object> big = new LinkedHashMap<>();
	List<Blob> pool = new ArrayList<>();

	Generator(Connection db, String base, Path feeders, double scale) {
		this.db = db;
		this.base = base;
		this.feeders = feeders;
		this.scale = scale;
		var encoder = new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2)));
		this.hash = encoder.encode(PASSWORD);
	}

	public static void main(String[] args) throws Exception {
		var url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/atrium_bench?user=postgres";
		var base = args.length > 1 ? args[1] : "http://127.0.0.1:8080";
		var feeders = Path.of(args.length > 2 ? args[2] : "target/feeders");
		var scale = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
		var files = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
		Files.createDirectories(feeders);
		long start = System.nanoTime();
		try (var db = DriverManager.getConnection(url)) {
			db.setAutoCommit(false);
			try (var st = db.createStatement()) {
				st.execute("set synchronous_commit = off");
			}
			var g = new Generator(db, base, feeders, scale);
			g.checkEmpty();
			g.run(files);
		}
		System.out.printf("generator: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
		System.exit(0);
	}

	void checkEmpty() throws SQLException {
		try (var st = db.createStatement(); var rs = st.executeQuery("select count(*) from firm")) {
			rs.next();
			if (rs.getLong(1) > 0) {
				throw new IllegalStateException("the database already has firms: generate into an empty, migrated one");
			}
		}
	}

	int n(int full) {
		return Math.max(1, (int) Math.round(full * scale));
	}

	void run(int files) throws Exception {
		var bigSpec = new Spec(BIG_SLUG, "Bench & Partners LLP", 200, n(50_000), 2, 3, 20, 5, 0.30);
		phase("big firm: firm, staff, teams, clients, contacts, portal, engagements, assignments", () -> firm(bigSpec, 0));
		saveBig();
		db.commit();
		phase("real files uploaded through the app (" + files + ")", () -> uploads(files));
		phase("big firm: documents, requests, conversations, messages, notes", () -> content(bigSpec));
		db.commit();
		for (int i = 1; i <= 50; i++) {
			var small = new Spec("small-" + i, "Small Firm " + i + " CPA", 5, 100, 2, 3, 20, 5, 0.30);
			int index = i;
			phase(null, () -> {
				firm(small, index);
				content(small);
			});
			db.commit();
		}
		timings.put("50 small firms (all of it)", timings.remove(null));
		// what the app keeps on each client for its search (V16), for the rows COPY wrote past the app
		phase("clients' search text", () -> {
			try (var st = db.createStatement()) {
				st.executeUpdate("""
						update client c set search_text = c.name_lower || chr(10) || coalesce(lower(c.email), '') || chr(10)
						  || coalesce((select string_agg(lower(k.full_name) || chr(10) || coalesce(lower(k.email), ''), chr(10)
						               order by k.id) from contact k where k.client_id = c.id), '')""");
			}
			db.commit();
		});
		phase("vacuum analyze", () -> {
			db.setAutoCommit(true);
			try (var st = db.createStatement()) {
				st.execute("vacuum analyze");
			}
		});
		writeFeeders();
		System.out.println();
		System.out.println("rows:");
		try (var st = db.createStatement()) {
			for (var table : List.of("firm", "staff_user", "team", "team_member", "client", "contact", "portal_identity",
					"portal_access", "engagement", "client_assignment", "engagement_assignment", "document",
					"document_version", "document_request", "conversation", "message", "note")) {
				try (var rs = st.executeQuery("select count(*) from " + table)) {
					rs.next();
					System.out.printf("  %-24s %,12d%n", table, rs.getLong(1));
				}
			}
		}
		System.out.println("timings:");
		timings.forEach((k, v) -> System.out.printf("  %-80s %7.1f s%n", k, v / 1000.0));
		try (var out = Files.newBufferedWriter(feeders.resolve("generator-timings.txt"))) {
			for (var e : timings.entrySet()) {
				out.write(e.getKey() + "\t" + e.getValue() + "\n");
			}
		}
	}

	interface Step {
		void run() throws Exception;
	}

	void phase(String name, Step step) throws Exception {
		long t = System.nanoTime();
		step.run();
		long ms = (System.nanoTime() - t) / 1_000_000;
		timings.merge(name, ms, Long::sum);
		if (name != null) {
			System.out.printf("%-90s %7.1f s%n", name, ms / 1000.0);
		}
	}

	UUID id() {
		long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
		long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(hi, lo);
	}

	Instant ago(int maxDays) {
		return now.minusSeconds(86_400L + (long) (rnd.nextDouble() * maxDays * 86_400L));
	}

	static <T> T pick(Random r, List<T> list) {
		return list.get(r.nextInt(list.size()));
	}

	// ------------------------------------------------------------------------------------------------ one firm

	void firm(Spec s, int index) throws Exception {
		spec = s;
		firmId = id();
		var created = EPOCH.minusSeconds(86_400L * 400);
		try (var c = new Copy(db, "firm", "id, name, slug, accent_colour, created_at, version")) {
			c.row(firmId, s.name(), s.slug(), String.format("#%06x", rnd.nextInt(0x1000000)), created, 0);
		}
		try (var c = new Copy(db, "engagement_type", "id, firm_id, name, position")) {
			types = new UUID[TYPES.size()];
			for (int i = 0; i < TYPES.size(); i++) {
				c.row(types[i] = id(), firmId, TYPES.get(i), i + 1);
			}
		}
		try (var c = new Copy(db, "pipeline_stage", "id, firm_id, name, position")) {
			stages = new UUID[STAGES.size()];
			for (int i = 0; i < STAGES.size(); i++) {
				c.row(stages[i] = id(), firmId, STAGES.get(i), i + 1);
			}
		}
		staffAndTeams(s, index, created);
		clientsAndContacts(s);
		engagementsAndAssignments(s);
	}

	/**
	 * Big firm: 0 Owner, 1-4 Admins, 5-104 Preparers, 105-144 Reviewers, 145-169 Signers, 170-179 the custom team
	 * "Partners" (access all clients), 180-199 Preparers and Reviewers both. Small firm: Owner, then one of each.
	 */
	void staffAndTeams(Spec s, int index, Instant created) throws Exception {
		int count = s.staff();
		staff = new UUID[count];
		staffName = new String[count];
		staffRole = new String[count];
		var teamOf = new ArrayList<List<String>>();
		preparers = new ArrayList<>();
		reviewers = new ArrayList<>();
		signers = new ArrayList<>();
		assignees = new ArrayList<>();
		try (var c = new Copy(db, "staff_user", "id, firm_id, email, full_name, firm_role, status, password_hash, "
				+ "failed_sign_ins, locked_until, last_sign_in_at, created_at, version")) {
			for (int i = 0; i < count; i++) {
				staff[i] = id();
				staffName[i] = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
				String role;
				List<String> teams;
				if (count >= 200) {
					role = i == 0 ? "OWNER" : i <= 4 ? "ADMIN" : "MEMBER";
					teams = i <= 4 ? List.of() : i <= 104 ? List.of("PREPARERS") : i <= 144 ? List.of("REVIEWERS")
							: i <= 169 ? List.of("SIGNERS") : i <= 179 ? List.of("PARTNERS") : List.of("PREPARERS", "REVIEWERS");
				}
				else {
					role = i == 0 ? "OWNER" : "MEMBER";
					teams = i == 0 ? List.of() : List.of(new String[] { "PREPARERS", "PREPARERS", "REVIEWERS", "SIGNERS" }[(i - 1) % 4]);
				}
				staffRole[i] = role;
				teamOf.add(teams);
				if (teams.contains("PREPARERS") || teams.contains("PARTNERS")) {
					preparers.add(i);
				}
				if (teams.contains("REVIEWERS") || teams.contains("SIGNERS") || teams.contains("PARTNERS")) {
					reviewers.add(i);
				}
				if (teams.contains("SIGNERS") || teams.contains("PARTNERS")) {
					signers.add(i);
				}
				if (i > 0) {
					assignees.add(i);
				}
				var email = (i == 0 ? "owner" : i <= 4 && count >= 200 ? "admin" + i : "staff" + i) + "@" + s.slug() + ".bench";
				c.row(staff[i], firmId, email, staffName[i], role, "ACTIVE", hash, 0, null, null,
						created.plusSeconds(i * 60L), 0);
			}
		}
		if (preparers.isEmpty()) {
			preparers.add(0);
		}
		if (signers.isEmpty()) {
			signers.add(0);
		}
		var teamIds = new LinkedHashMap<String, UUID>();
		try (var c = new Copy(db, "team", "id, firm_id, name, built_in, permissions, created_at, version")) {
			teamIds.put("PREPARERS", id());
			c.row(teamIds.get("PREPARERS"), firmId, "Preparers", "PREPARERS", "EDIT_CLIENTS,PREPARE,VIEW_CLIENTS", created, 0);
			teamIds.put("REVIEWERS", id());
			c.row(teamIds.get("REVIEWERS"), firmId, "Reviewers", "REVIEWERS", "REVIEW,VIEW_CLIENTS", created, 0);
			teamIds.put("SIGNERS", id());
			c.row(teamIds.get("SIGNERS"), firmId, "Signers", "SIGNERS", "REVIEW,SIGN_RETURNS,VIEW_CLIENTS", created, 0);
			if (count >= 200) {
				teamIds.put("PARTNERS", id());
				c.row(teamIds.get("PARTNERS"), firmId, "Partners", null,
						"ACCESS_ALL_CLIENTS,EDIT_CLIENTS,PREPARE,REVIEW,SIGN_RETURNS,VIEW_CLIENTS", created, 0);
			}
		}
		try (var c = new Copy(db, "team_member", "team_id, staff_id")) {
			for (int i = 0; i < count; i++) {
				for (var t : teamOf.get(i)) {
					c.row(teamIds.get(t), staff[i]);
				}
			}
		}
		if (firmId != null && count >= 200) {
			big.put("firm", firmId);
			big.put("admin", "admin1@" + s.slug() + ".bench");
			big.put("owner", "owner@" + s.slug() + ".bench");
			big.put("preparer", "staff5@" + s.slug() + ".bench");
			big.put("preparerId", staff[5]);
			// the bulk scenario's two assignees, never the Preparer the member scenario measures
			big.put("bulkStaffId", staff[6]);
			big.put("bulkStaffId2", staff[7]);
		}
	}

	void clientsAndContacts(Spec s) throws Exception {
		int count = s.clients();
		clients = new UUID[count];
		clientName = new String[count];
		clientBusiness = new boolean[count];
		int contactCount = count * s.contactsPerClient();
		contacts = new UUID[contactCount];
		contactName = new String[contactCount];
		contactPortal = new boolean[contactCount];
		try (var c = new Copy(db, "client", "id, firm_id, type, name, name_lower, email, phone, notes, status, created_at, version")) {
			for (int i = 0; i < count; i++) {
				clients[i] = id();
				// every fifth client is a business: exactly a fifth of the firm, so bulk assign can pick 10,000 by type
				boolean business = i % 5 == 0;
				clientBusiness[i] = business;
				var last = LAST[rnd.nextInt(LAST.length)];
				var first = FIRST[rnd.nextInt(FIRST.length)];
				String name = business ? last + " " + BUSINESS[rnd.nextInt(BUSINESS.length)]
						: first + " " + last + (rnd.nextInt(4) == 0 ? " & " + FIRST[rnd.nextInt(FIRST.length)] + " " + last : "");
				clientName[i] = name;
				// archived clients only among individuals, so the business count stays a fifth of the active ones
				var status = !business && rnd.nextInt(100) < 3 ? "ARCHIVED" : "ACTIVE";
				c.row(clients[i], firmId, business ? "BUSINESS" : "INDIVIDUAL", name, name.toLowerCase(),
						"client" + i + "@" + s.slug() + ".clients.bench", String.format("+1 555 %03d %04d", rnd.nextInt(1000), rnd.nextInt(10000)),
						rnd.nextInt(10) == 0 ? "Prefers contact by email." : null, status, ago(700), 0);
			}
		}
		var identities = new ArrayList<Object[]>();
		try (var c = new Copy(db, "contact", "id, firm_id, client_id, full_name, email, phone, notes, created_at, version")) {
			for (int i = 0; i < count; i++) {
				for (int k = 0; k < s.contactsPerClient(); k++) {
					int j = i * s.contactsPerClient() + k;
					contacts[j] = id();
					contactName[j] = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
					var email = "contact" + j + "@" + s.slug() + ".people.bench";
					c.row(contacts[j], firmId, clients[i], contactName[j], email, null, null, ago(600), 0);
					// 45% of first contacts and 15% of second ones: 30% of all contacts
					contactPortal[j] = rnd.nextDouble() < (k == 0 ? 1.5 * s.portalShare() : 0.5 * s.portalShare());
				}
			}
		}
		var roles = new String[] { "EDITOR", "VIEWER", "SIGNER", "NOTIFY_ONLY" };
		// children first: resources close in reverse order, so the parent table's COPY runs first
		try (var ca = new Copy(db, "portal_access", "contact_id, firm_id, client_id, identity_id, client_name, "
						+ "contact_name, portal_role, status, last_sign_in_at, created_at, updated_at, version");
				var ci = new Copy(db, "portal_identity", "id, firm_id, email, password_hash, credentials_version, "
				+ "failed_sign_ins, locked_until, last_sign_in_at, created_at, version")) {
			for (int j = 0; j < contactCount; j++) {
				if (!contactPortal[j]) {
					continue;
				}
				int i = j / s.contactsPerClient();
				int k = j % s.contactsPerClient();
				var role = k == 0 ? "OWNER" : roles[rnd.nextInt(roles.length)];
				boolean invited = rnd.nextInt(100) < 5 && !role.equals("NOTIFY_ONLY");
				var identity = id();
				var created = ago(500);
				ci.row(identity, firmId, "contact" + j + "@" + s.slug() + ".people.bench", invited ? null : hash, 0, 0,
						null, null, created, 0);
				ca.row(contacts[j], firmId, clients[i], identity, clientName[i], contactName[j], role,
						invited ? "INVITED" : "ENABLED", null, created, created, 0);
				if (!invited && role.equals("OWNER")) {
					identities.add(new Object[] { j, i });
				}
			}
		}
		if (s.staff() >= 200) {
			big.put("portalOwners", identities);
		}
	}

	void engagementsAndAssignments(Spec s) throws Exception {
		int count = s.clients() * s.engagementsPerClient();
		engagements = new UUID[count];
		engagementShared = new boolean[count];
		try (var c = new Copy(db, "engagement", "id, firm_id, client_id, name, type_id, period, due_date, stage_id, "
				+ "created_at, version, portal_shared, portal_shared_at, activity_recipients_chosen")) {
			for (int e = 0; e < count; e++) {
				int i = e / s.engagementsPerClient();
				int k = e % s.engagementsPerClient();
				engagements[e] = id();
				int type = clientBusiness[i] ? new int[] { 1, 2, 3, 5, 6 }[rnd.nextInt(5)] : k == 0 ? 0 : new int[] { 0, 7, 9 }[rnd.nextInt(3)];
				int year = 2025 - k;
				// the first engagement of every client is shared with the portal, a third of the others too
				boolean shared = k == 0 || rnd.nextInt(3) == 0;
				engagementShared[e] = shared;
				var created = ago(400);
				c.row(engagements[e], firmId, clients[i], TYPES.get(type) + " " + year, types[type], String.valueOf(year),
						LocalDate.of(year + 1, 4, 15), stages[k == 0 ? rnd.nextInt(STAGES.size()) : STAGES.size() - 1 - rnd.nextInt(2)],
						created, 0, shared, shared ? created.plusSeconds(3600) : null, false);
			}
		}
		// four roles on every client (200,000 in the big firm) ...
		try (var c = new Copy(db, "client_assignment", "firm_id, client_id, role, staff_id, assigned_at")) {
			for (int i = 0; i < s.clients(); i++) {
				var when = ago(300);
				c.row(firmId, clients[i], "PREPARER", staff[pick(rnd, preparers)], when);
				c.row(firmId, clients[i], "REVIEWER", staff[pick(rnd, reviewers)], when);
				c.row(firmId, clients[i], "SIGNER", staff[pick(rnd, signers)], when);
				c.row(firmId, clients[i], "ASSIGNED_TO", staff[pick(rnd, assignees)], when);
			}
		}
		// ... and overrides on engagements: a preparer on two of three, a reviewer or a signer on the others (200,000)
		try (var c = new Copy(db, "engagement_assignment", "firm_id, engagement_id, client_id, role, staff_id, assigned_at")) {
			for (int e = 0; e < count; e++) {
				int i = e / s.engagementsPerClient();
				var when = ago(200);
				if (e % 3 != 2) {
					c.row(firmId, engagements[e], clients[i], "PREPARER", staff[pick(rnd, preparers)], when);
				}
				if (e % 3 == 0) {
					c.row(firmId, engagements[e], clients[i], "REVIEWER", staff[pick(rnd, reviewers)], when);
				}
				else {
					c.row(firmId, engagements[e], clients[i], "SIGNER", staff[pick(rnd, signers)], when);
				}
			}
		}
		if (s.staff() >= 200) {
			big.put("clients", clients);
			big.put("engagements", engagements);
			big.put("engagementsPerClient", s.engagementsPerClient());
		}
	}

	// ------------------------------------------------------------------------------------------------ real files

	/**
	 * Uploads {@code files} small PDFs (1-64 KiB) through the app as the Owner, into shared engagements, visible
	 * to the client; plus one of 1 MiB for the download scenario. Four at a time.
	 */
	void uploads(int files) throws Exception {
		var clientsOfBig = (UUID[]) big.get("clients");
		var engagementsOfBig = (UUID[]) big.get("engagements");
		int per = (int) big.get("engagementsPerClient");
		var errors = new AtomicInteger();
		int threads = 4;
		ExecutorService pool4 = Executors.newFixedThreadPool(threads);
		var done = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		// one session per thread, signed in one after the other: concurrent sign-ins of one staff user fail
		// (optimistic locking on staff_user, see docs/performance.md)
		var sessions = new ArrayList<Http>();
		for (int t = 0; t < threads; t++) {
			var http = new Http(base);
			if (!http.signInStaff((String) big.get("owner"), PASSWORD)) {
				throw new IllegalStateException("the Owner could not sign in at " + base);
			}
			sessions.add(http);
		}
		for (int t = 0; t < threads; t++) {
			int thread = t;
			futures.add(pool4.submit(() -> {
				var http = sessions.get(thread);
				var r = new Random(1000 + thread);
				for (int f = thread; f < files; f += threads) {
					int client = (int) ((f * 7919L) % clientsOfBig.length);
					var engagement = engagementsOfBig[client * per];
					int size = 1024 + r.nextInt(63 * 1024);
					var name = DOC_NAMES[f % DOC_NAMES.length] + " " + (2020 + f % 6) + " #" + f + ".pdf";
					var response = http.upload("/app/engagements/" + engagement + "/documents?visibility=CLIENT", name, pdf(r, size));
					if (response.statusCode() != 201) {
						if (errors.incrementAndGet() < 5) {
							System.err.println("upload " + f + ": " + response.statusCode() + " " + response.body());
						}
					}
					done.incrementAndGet();
				}
				return null;
			}));
		}
		try {
			for (var f : futures) {
				f.get();
			}
		}
		finally {
			pool4.shutdownNow();
		}
		// the 1 MiB document of the download scenario, on client 0's first engagement
		var http = new Http(base);
		http.signInStaff((String) big.get("owner"), PASSWORD);
		var response = http.upload("/app/engagements/" + engagementsOfBig[0] + "/documents?visibility=CLIENT",
				"Download benchmark 1MiB.pdf", pdf(new Random(1), 1 << 20));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("1 MiB upload failed: " + response.statusCode() + " " + response.body());
		}
		var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("no id in " + response.body());
		}
		big.put("download", m.group(1));
		if (errors.get() > 0) {
			throw new IllegalStateException(errors.get() + " uploads failed");
		}
		try (var st = db.prepareStatement("""
				select v.blob_key, v.key_id, v.content_type, v.size, v.sha256, v.name from document_version v
				join document d on d.id = v.document_id where d.firm_id = ? and v.size < 100000 order by v.blob_key""")) {
			st.setObject(1, big.get("firm"));
			try (var rs = st.executeQuery()) {
				while (rs.next()) {
					pool.add(new Blob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
							rs.getString(6)));
				}
			}
		}
		db.commit();
		System.out.printf("  %d files stored by the app, %d blobs in the pool%n", done.get() + 1, pool.size());
	}

	/** A small valid-looking PDF: a PDF header (what the app's type check reads), then filler bytes. */
	static byte[] pdf(Random r, int size) {
		var bytes = new byte[size];
		r.nextBytes(bytes);
		var header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
		var trailer = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(trailer, 0, bytes, size - trailer.length, trailer.length);
		return bytes;
	}

	// ------------------------------------------------------------------------------------------------ content

	void content(Spec s) throws Exception {
		if (pool.isEmpty()) {
			throw new IllegalStateException("no stored blobs to point documents at");
		}
		int perClient = s.documentsPerClient();
		int per = s.engagementsPerClient();
		// one request on each client's first (shared) engagement
		var requestOf = new UUID[s.clients()];
		var requestStatus = new String[s.clients()];
		try (var c = new Copy(db, "document_request", "id, firm_id, client_id, engagement_id, title, description, due_date, "
				+ "status, reason, requested_by, requested_by_name, requested_at, answered_by_contact, answered_by_name, "
				+ "answered_at, reviewed_by, reviewed_at, version")) {
			for (int i = 0; i < s.clients(); i++) {
				requestOf[i] = id();
				int p = rnd.nextInt(100);
				var status = p < 40 ? "OPEN" : p < 60 ? "SUBMITTED" : p < 95 ? "ACCEPTED" : "NOT_APPLICABLE";
				requestStatus[i] = status;
				int st = pick(rnd, preparers);
				var asked = ago(120);
				int contact = i * s.contactsPerClient();
				boolean answered = !status.equals("OPEN");
				c.row(requestOf[i], firmId, clients[i], engagements[i * per], DOC_NAMES[rnd.nextInt(DOC_NAMES.length)],
						"Please upload this for " + (2025) + ".", LocalDate.of(2026, 3, 1 + rnd.nextInt(28)), status,
						status.equals("NOT_APPLICABLE") ? "We did not have one this year." : null, staff[st], staffName[st], asked,
						answered ? contacts[contact] : null, answered ? contactName[contact] : null,
						answered ? asked.plusSeconds(86_400) : null, status.equals("ACCEPTED") ? staff[st] : null,
						status.equals("ACCEPTED") ? asked.plusSeconds(2 * 86_400) : null, 0);
			}
		}
		long versions = 0;
		try (var cv = new Copy(db, "document_version", "document_id, number, name, content_type, size, sha256, "
						+ "blob_key, key_id, uploaded_by_staff, uploaded_by_contact, uploaded_by_name, uploaded_at");
				var cd = new Copy(db, "document", "id, firm_id, client_id, engagement_id, request_id, conversation_id, name, "
				+ "visibility, portal_shared, current_version, created_at, deleted_at, version")) {
			for (int i = 0; i < s.clients(); i++) {
				for (int d = 0; d < perClient; d++) {
					var doc = id();
					Integer engagement = d % 4 == 3 ? null : i * per + d % per;
					UUID request = d == 0 && !requestStatus[i].equals("OPEN") && !requestStatus[i].equals("NOT_APPLICABLE")
							? requestOf[i] : null;
					boolean client = request != null || rnd.nextBoolean();
					int nVersions = rnd.nextInt(100) < 4 ? 2 : 1;
					var blob = pool.get(rnd.nextInt(pool.size()));
					var name = DOC_NAMES[rnd.nextInt(DOC_NAMES.length)] + " " + (2019 + rnd.nextInt(7)) + " " + d + ".pdf";
					var created = ago(500);
					// a few in the trash, deleted yesterday (the purge takes them after 30 days)
					var deleted = rnd.nextInt(200) == 0 ? now.minus(Duration.ofDays(1)) : null;
					cd.row(doc, firmId, clients[i], engagement == null ? null : engagements[engagement], request, null, name,
							client ? "CLIENT" : "FIRM", client, nVersions, created, deleted, 0);
					for (int v = 1; v <= nVersions; v++) {
						var b = v == 1 ? blob : pool.get(rnd.nextInt(pool.size()));
						boolean byContact = request != null || rnd.nextInt(3) == 0;
						int contact = i * s.contactsPerClient();
						int st = pick(rnd, preparers);
						cv.row(doc, v, name, b.contentType(), b.size(), b.sha256(), b.key(), b.keyId(),
								byContact ? null : staff[st], byContact ? contacts[contact] : null,
								byContact ? contactName[contact] : staffName[st], created.plusSeconds(v * 3600L));
						versions++;
					}
				}
			}
		}
		counts.merge("document_version", versions, Long::sum);
		// conversations: one per client, a second for every fifth; messages alternate contact and staff
		try (var cr = new Copy(db, "conversation_read_contact", "conversation_id, contact_id, last_read_seq");
				var cm = new Copy(db, "message", "id, conversation_id, seq, body, staff_id, contact_id, author_name, posted_at");
				var cc = new Copy(db, "conversation", "id, firm_id, client_id, engagement_id, subject, started_by_staff, "
				+ "started_by_contact, started_by_name, created_at, last_message_at, last_seq")) {
			for (int i = 0; i < s.clients(); i++) {
				int conversations = i % 5 == 0 ? 2 : 1;
				for (int q = 0; q < conversations; q++) {
					var conversation = id();
					int contact = i * s.contactsPerClient();
					int st = pick(rnd, preparers);
					var started = ago(200);
					int n = s.messagesPerConversation();
					var last = started.plusSeconds(n * 3600L);
					boolean staffStarts = rnd.nextBoolean();
					cc.row(conversation, firmId, clients[i], q == 0 ? engagements[i * per] : null,
							q == 0 ? "Documents for " + 2025 : "Question about my account", staffStarts ? staff[st] : null,
							staffStarts ? null : contacts[contact], staffStarts ? staffName[st] : contactName[contact], started,
							last, n);
					for (int m = 1; m <= n; m++) {
						boolean byStaff = (m % 2 == 1) == staffStarts;
						cm.row(id(), conversation, m, "Message " + m + ": thanks, we have received your documents and will "
								+ "get back to you about the remaining items this week.", byStaff ? staff[st] : null,
								byStaff ? null : contacts[contact], byStaff ? staffName[st] : contactName[contact],
								started.plusSeconds(m * 3600L));
					}
					if (rnd.nextBoolean()) {
						cr.row(conversation, contacts[contact], n);
					}
				}
			}
		}
		// one note per client, a third of them shared with the portal on the first engagement
		try (var cn = new Copy(db, "note", "id, firm_id, client_id, engagement_id, body, portal_shared, author_id, "
				+ "author_name, created_at, shared_at")) {
			for (int i = 0; i < s.clients(); i++) {
				boolean shared = rnd.nextInt(3) == 0;
				int st = pick(rnd, preparers);
				var created = ago(100);
				cn.row(id(), firmId, clients[i], shared ? engagements[i * per] : null,
						shared ? "We expect to file by the end of the month." : "Client called about the extension.", shared,
						staff[st], staffName[st], created, shared ? created : null);
			}
		}
	}

	// ------------------------------------------------------------------------------------------------ feeders

	@SuppressWarnings("unchecked")
	void saveBig() {
		// nothing to do: the big firm's arrays are kept in "big" by the steps above
	}

	@SuppressWarnings("unchecked")
	void writeFeeders() throws Exception {
		var clientsOfBig = (UUID[]) big.get("clients");
		var engagementsOfBig = (UUID[]) big.get("engagements");
		int per = (int) big.get("engagementsPerClient");
		var owners = (List<Object[]>) big.get("portalOwners");
		var r = new Random(7);
		try (var out = Files.newBufferedWriter(feeders.resolve("contacts.csv"))) {
			out.write("slug,email,client,engagement\n");
			for (int x = 0; x < Math.min(owners.size(), 5000); x++) {
				var o = owners.get(r.nextInt(owners.size()));
				int j = (int) o[0];
				int i = (int) o[1];
				out.write(BIG_SLUG + ",contact" + j + "@" + BIG_SLUG + ".people.bench," + clientsOfBig[i] + ","
						+ engagementsOfBig[i * per] + "\n");
			}
		}
		var props = new java.util.Properties();
		props.setProperty("slug", BIG_SLUG);
		props.setProperty("password", PASSWORD);
		props.setProperty("owner", (String) big.get("owner"));
		props.setProperty("admin", (String) big.get("admin"));
		props.setProperty("preparer", (String) big.get("preparer"));
		props.setProperty("preparerId", big.get("preparerId").toString());
		props.setProperty("bulkStaffId", big.get("bulkStaffId").toString());
		props.setProperty("bulkStaffId2", big.get("bulkStaffId2").toString());
		props.setProperty("download", (String) big.get("download"));
		props.setProperty("uploadClient", clientsOfBig[1].toString());
		props.setProperty("firm", big.get("firm").toString());
		try (var out = Files.newBufferedWriter(feeders.resolve("bench.properties"))) {
			props.store(out, "written by the generator");
		}
	}

	static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url);
	}
}

package bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Atrium's load scenarios (issue 6, "Load"). One scenario per run, chosen with system properties:
 * <ul>
 * <li>{@code bench.scenario}: liveness, portal, member, admin, download, upload, signin, magic, bulk</li>
 * <li>{@code bench.model}: closed ({@code bench.users} concurrent users as fast as they can) or open
 * ({@code bench.rate} new users per second, each doing the scenario's requests once)</li>
 * <li>{@code bench.seconds}: how long; {@code bench.base}: the app; {@code bench.feeders}: SessionPool's output</li>
 * <li>{@code bench.warmup}: seconds of the same load before the measured part, in the same JVM, its requests named
 * {@value #WARM_UP}...: Gatling's own code is compiled while it runs, and on two slow cores a cold Gatling adds tens
 * of milliseconds to the first seconds' answers. {@code report.py} leaves the warm-up out.</li>
 * </ul>
 * Sessions come from {@link SessionPool}: requests carry the ATRIUM_SESSION cookie of a user signed in beforehand.
 */
public class AtriumSimulation extends Simulation {

	static final String BASE = System.getProperty("bench.base", "http://127.0.0.1:18080");
	static final Path FEEDERS = Path.of(System.getProperty("bench.feeders", "target/feeders"));
	static final String SCENARIO = System.getProperty("bench.scenario", "liveness");
	static final String MODEL = System.getProperty("bench.model", "closed");
	static final int USERS = Integer.getInteger("bench.users", 8);
	static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "10"));
	static final int SECONDS = Integer.getInteger("bench.seconds", 20);
	static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 0);
	static final String WARM_UP = "warm-up: ";
	static final String DB = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/atrium_bench?user=postgres");
	static final java.util.Properties PROPS = new java.util.Properties();
	static {
		try (var in = Files.newBufferedReader(FEEDERS.resolve("bench.properties"))) {
			PROPS.load(in);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static final Pattern LINK = Pattern.compile("/link/([A-Za-z0-9_\\-]+)");

	HttpProtocolBuilder protocol = http.baseUrl(BASE)
		.shareConnections()
		.disableFollowRedirect()
		.acceptHeader("text/html,application/xhtml+xml,*/*")
		.userAgentHeader("atrium-bench");

	static ChainBuilder withSession(String file) {
		return feed(csv(FEEDERS.resolve(file).toString()).circular());
	}

	static final String COOKIE = "ATRIUM_SESSION=#{session}";

	/** The scenario; its requests' names start with {@code prefix} (empty, or the warm-up's). */
	ScenarioBuilder build(String prefix) {
		var slug = PROPS.getProperty("slug");
		switch (SCENARIO) {
			case "liveness":
				return scenario(prefix + "liveness").exec(http(prefix + "liveness").get("/actuator/health/liveness").check(status().is(200)));
			case "portal":
				return scenario(prefix + "portal").exec(withSession("portal-sessions.csv"))
					.exec(http(prefix + "portal home").get("/p/#{slug}/").header("Cookie", COOKIE).check(status().is(200)))
					.exec(http(prefix + "portal case").get("/p/#{slug}/cases/#{engagement}").header("Cookie", COOKIE)
						.check(status().is(200)));
			case "portalhome":
				return scenario(prefix + "portalhome").exec(withSession("portal-sessions.csv"))
					.exec(http(prefix + "portal home").get("/p/#{slug}/").header("Cookie", COOKIE).check(status().is(200)));
			case "member":
				return scenario(prefix + "member").exec(withSession("preparer-sessions.csv"))
					.exec(feed(csv(FEEDERS.resolve("terms.csv").toString()).circular()))
					.exec(http(prefix + "client list (member)").get("/app/clients").header("Cookie", COOKIE).check(status().is(200)))
					.exec(http(prefix + "client search (member)").get("/app/clients?q=#{term}").header("Cookie", COOKIE)
						.check(status().is(200)));
			case "admin":
				return scenario(prefix + "admin").exec(withSession("admin-sessions.csv"))
					.exec(feed(csv(FEEDERS.resolve("terms.csv").toString()).circular()))
					.exec(http(prefix + "client list (admin)").get("/app/clients").header("Cookie", COOKIE).check(status().is(200)))
					.exec(http(prefix + "client search (admin)").get("/app/clients?q=#{term}").header("Cookie", COOKIE)
						.check(status().is(200)))
					.exec(http(prefix + "pipeline (admin)").get("/app/pipeline").header("Cookie", COOKIE).check(status().is(200)));
			case "download":
				return scenario(prefix + "download").exec(withSession("admin-sessions.csv"))
					.exec(http(prefix + "download 1 MiB").get("/app/documents/" + PROPS.getProperty("download") + "/download")
						.header("Cookie", COOKIE)
						.check(status().is(200), bodyLength().is(1 << 20)));
			case "upload": {
				var file = FEEDERS.resolve("upload-10MiB.pdf");
				ensureFile(file, 10 << 20);
				return scenario(prefix + "upload").exec(withSession("admin-sessions.csv"))
					.exec(http(prefix + "upload 10 MiB").post("/app/clients/" + PROPS.getProperty("uploadClient") + "/documents?visibility=FIRM")
						.header("Cookie", COOKIE)
						.header("X-CSRF-TOKEN", "#{csrf}")
						.header("X-File-Name", "bench-upload.pdf")
						.header("Content-Type", "application/octet-stream")
						.body(RawFileBody(file.toAbsolutePath().toString()))
						.check(status().is(201)));
			}
			case "bigupload": {
				// the memory check: one 1 GiB upload, then its download, with the app on -Xmx256m
				var file = FEEDERS.resolve("upload-1GiB.pdf");
				ensureFile(file, 1 << 30);
				return scenario(prefix + "bigupload").exec(withSession("admin-sessions.csv"))
					.exec(http(prefix + "upload 1 GiB").post("/app/clients/" + PROPS.getProperty("uploadClient") + "/documents?visibility=FIRM")
						.header("Cookie", COOKIE)
						.header("X-CSRF-TOKEN", "#{csrf}")
						.header("X-File-Name", "bench-1GiB.pdf")
						.header("Content-Type", "application/octet-stream")
						.body(RawFileBody(file.toAbsolutePath().toString()))
						.check(status().is(201), jsonPath("$.id").saveAs("doc")))
					.exec(http(prefix + "download 1 GiB").get("/app/documents/#{doc}/download").header("Cookie", COOKIE)
						.check(status().is(200), bodyLength().is(1 << 30)));
			}
			case "signin":
				// password sign-in of portal contacts: the form, then the POST (Argon2id on the server)
				return scenario(prefix + "signin").exec(feed(csv(FEEDERS.resolve("contacts.csv").toString()).circular()))
					.exec(flushCookieJar())
					.exec(http(prefix + "portal sign-in page").get("/p/#{slug}/signin")
						.check(status().is(200), regex("name=\"_csrf\"\\s+value=\"([^\"]+)\"").saveAs("csrf")))
					.exec(http(prefix + "portal password sign-in").post("/p/#{slug}/signin")
						.formParam("email", "#{email}")
						.formParam("password", PROPS.getProperty("password"))
						.formParam("_csrf", "#{csrf}")
						.check(status().is(302), header("Location").transform(l -> l.endsWith("/p/" + slug + "/")).is(true)));
			case "magic":
				return scenario(prefix + "magic").exec(feed(csv(FEEDERS.resolve("contacts.csv").toString()).random()))
					.exec(flushCookieJar())
					.exec(http(prefix + "portal sign-in page").get("/p/#{slug}/signin")
						.check(status().is(200), regex("name=\"_csrf\"\\s+value=\"([^\"]+)\"").saveAs("csrf")))
					.exec(http(prefix + "magic link request").post("/p/#{slug}/signin/link")
						.formParam("email", "#{email}")
						.formParam("_csrf", "#{csrf}")
						.check(status().is(200)))
					.exec(AtriumSimulation::readLink)
					.exec(http(prefix + "magic link confirm page").get("/p/#{slug}/link/#{token}")
						.check(status().is(200), regex("name=\"_csrf\"\\s+value=\"([^\"]+)\"").saveAs("csrf")))
					.exec(http(prefix + "magic link sign-in").post("/p/#{slug}/link/#{token}")
						.formParam("_csrf", "#{csrf}")
						.check(status().is(302)));
			case "bulk":
				// bulk assign: the Preparer of every active business client (exactly 10,000 in the big firm). Round 1
				// gives them to one staff member, round 2 to another, so that each round changes 10,000 rows; neither
				// is the Preparer whose client list the member scenario measures.
				return scenario(prefix + "bulk").exec(withSession("admin-sessions.csv"))
					.exec(session -> session.set("staffId", bulkAssignee()))
					.exec(http(prefix + "bulk assign 10,000").post("/app/clients/bulk-assign")
						.header("Cookie", COOKIE)
						.formParam("role", "PREPARER")
						.formParam("staffId", "#{staffId}")
						.formParam("allMatching", "true")
						.formParam("type", "business")
						.formParam("_csrf", "#{csrf}")
						.check(status().is(302), header("Location").notNull()));
			default:
				throw new IllegalArgumentException("unknown bench.scenario " + SCENARIO);
		}
	}

	/** The link arrives by email: the outbox holds the rendered email (tokens themselves are stored hashed). */
	static Session readLink(Session session) {
		var email = session.getString("email");
		try (var db = DriverManager.getConnection(DB);
				var st = db.prepareStatement("select text_body from outbox_email where recipient = ? order by created_at desc limit 1")) {
			st.setString(1, email);
			try (var rs = st.executeQuery()) {
				if (rs.next()) {
					var m = LINK.matcher(rs.getString(1));
					if (m.find()) {
						return session.set("token", m.group(1));
					}
				}
			}
		}
		catch (Exception e) {
			System.err.println("outbox: " + e);
		}
		return session.markAsFailed().set("token", "missing");
	}

	/** Round 1's or round 2's assignee; data generated before there were two rounds must be generated again. */
	static String bulkAssignee() {
		var key = "2".equals(System.getProperty("bench.bulkRound")) ? "bulkStaffId2" : "bulkStaffId";
		var id = PROPS.getProperty(key);
		if (id == null || id.isBlank()) {
			throw new IllegalStateException("bench.properties has no " + key + ": generate the data again");
		}
		return id;
	}

	static void ensureFile(Path file, int size) {
		try {
			if (Files.exists(file) && Files.size(file) == size) {
				return;
			}
			try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
				var chunk = Generator.pdf(new Random(size), 1 << 20);
				for (int written = 0; written < size; written += chunk.length) {
					out.write(chunk, 0, Math.min(chunk.length, size - written));
					if (written == 0) {
						// from here on the header must not repeat: plain filler
						chunk = new byte[1 << 20];
						new Random(size + 1).nextBytes(chunk);
					}
				}
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static PopulationBuilder inject(ScenarioBuilder scn, int seconds) {
		if (MODEL.equals("open")) {
			return scn.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(seconds)));
		}
		if (MODEL.equals("once")) {
			return scn.injectOpen(atOnceUsers(USERS));
		}
		return scn.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(seconds)));
	}

	{
		var measured = inject(build(""), SECONDS);
		var population = WARM_UP_SECONDS > 0 && !MODEL.equals("once")
				? inject(build(WARM_UP), WARM_UP_SECONDS).andThen(measured) : measured;
		setUp(population).protocols(protocol);
	}
}

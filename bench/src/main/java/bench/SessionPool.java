package bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Properties;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Signs a pool of users in before the load scenarios, so that they measure pages, not Argon2: portal contacts,
 * the non-admin Preparer and an Admin. Writes the sessions (cookie ATRIUM_SESSION and the CSRF token) as Gatling
 * feeders, the search terms, and the time of one Argon2id hash in this JVM with the app's parameters.
 * <p>
 * Usage: {@code SessionPool <app-base-url> <feeder-dir> [portal-sessions] [staff-sessions]}
 */
public final class SessionPool {

	public static void main(String[] args) throws Exception {
		var base = args[0];
		var dir = Path.of(args[1]);
		int portal = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		int staff = args.length > 3 ? Integer.parseInt(args[3]) : 16;
		var props = new Properties();
		try (var in = Files.newBufferedReader(dir.resolve("bench.properties"))) {
			props.load(in);
		}
		var password = props.getProperty("password");

		hashTiming(dir, password);

		long t = System.nanoTime();
		// staff: one user's sign-ins one after the other (concurrent sign-ins of one staff user fail, see the report)
		for (var who : new String[] { "preparer", "admin" }) {
			try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(who + "-sessions.csv"))) {
				out.write("session,csrf\n");
				for (int i = 0; i < staff; i++) {
					var http = new Http(base);
					if (!http.signInStaff(props.getProperty(who), password)) {
						throw new IllegalStateException(who + " could not sign in");
					}
					out.write(http.session + "," + http.csrf + "\n");
				}
			}
		}
		var lines = Files.readAllLines(dir.resolve("contacts.csv"));
		var rows = new ArrayList<String[]>();
		for (var line : lines.subList(1, lines.size())) {
			rows.add(line.split(","));
		}
		int failures = 0;
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("portal-sessions.csv"))) {
			out.write("session,csrf,slug,client,engagement\n");
			var seen = new java.util.HashSet<String>();
			for (int i = 0, made = 0; made < portal && i < rows.size(); i++) {
				var r = rows.get(i);
				if (!seen.add(r[1])) {
					continue;
				}
				var http = new Http(base);
				if (!http.signInPortal(r[0], r[1], password)) {
					failures++;
					continue;
				}
				out.write(http.session + "," + http.csrf + "," + r[0] + "," + r[2] + "," + r[3] + "\n");
				made++;
			}
		}
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("terms.csv"))) {
			out.write("term\n");
			for (var term : new String[] { "smith", "garc", "lee", "mart", "john", "hughes", "patel", "kim", "wood",
					"price", "holdings", "bakery", "rivera", "nguyen", "cook", "ross" }) {
				out.write(term + "\n");
			}
		}
		System.out.printf("session pool: %d staff + up to %d portal sessions in %.1f s (%d portal sign-ins failed)%n",
				2 * staff, portal, (System.nanoTime() - t) / 1e9, failures);
		System.exit(0);
	}

	/** One Argon2id hash with the app's parameters (16, 32, 1, 19 MiB, 2), timed after a warm-up. */
	static void hashTiming(Path dir, String password) throws Exception {
		var encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		var hash = encoder.encode(password);
		for (int i = 0; i < 5; i++) {
			encoder.matches(password, hash);
		}
		int n = 20;
		var times = new double[n];
		for (int i = 0; i < n; i++) {
			long t = System.nanoTime();
			encoder.matches(password, hash);
			times[i] = (System.nanoTime() - t) / 1e6;
		}
		java.util.Arrays.sort(times);
		var text = String.format("argon2id_ms_p50=%.1f%nargon2id_ms_min=%.1f%nargon2id_ms_max=%.1f%n", times[n / 2],
				times[0], times[n - 1]);
		Files.writeString(dir.resolve("hash-timing.properties"), text);
		System.out.print(text);
	}
}

package io.atrium.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;

/** One person signing in from several devices at the same moment: every one of them gets in. */
class ConcurrentSignInTest extends AtriumIntegrationTest {

	@Autowired
	StaffManagement staff;

	@Test
	void simultaneousSignInsOfOneAccountAllSucceed() throws Exception {
		var owner = StaffFixtures.aFirmWithOwner(staff);
		var attempts = new ArrayList<Callable<String>>();
		for (int i = 0; i < 6; i++) {
			var http = visitor();
			http.get("/signin");
			attempts.add(() -> {
				var response = http.post("/signin", java.util.Map.of("email", owner.email(), "password", StaffFixtures.PASSWORD));
				return response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
			});
		}
		var pool = Executors.newFixedThreadPool(attempts.size());
		try {
			for (var answer : pool.invokeAll(attempts)) {
				assertThat(answer.get()).startsWith("302").endsWith("/app");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}

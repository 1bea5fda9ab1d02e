package io.atrium.portal;

import static io.atrium.portal.PortalFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffManagement;

/**
 * A signed-in contact's requests within a minute write nothing to the session store: neither its last-access time
 * nor the portal's "last seen" moves, and the session goes on working.
 */
class PortalLastSeenTests extends AtriumIntegrationTest {

	private final PortalFixtures fixtures;
	private final JdbcClient jdbc;

	@Autowired
	PortalLastSeenTests(StaffManagement staff, FirmManagement firms, ClientManagement clients,
			PortalAccessManagement access, JdbcClient jdbc) {
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
		this.jdbc = jdbc;
	}

	@Test
	void requestsWithinAMinuteLeaveTheStoredSessionAsItWas() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		signIn(http, member);
		assertThat(http.get(member.path("/")).statusCode()).isEqualTo(200);
		var sessionId = sessionId(http);
		var lastAccess = lastAccessTime(sessionId);
		var lastSeen = lastSeen(sessionId);

		assertThat(http.get(member.path("/")).statusCode()).isEqualTo(200);
		assertThat(http.get(member.path("/")).statusCode()).isEqualTo(200);

		assertThat(sessionId(http)).as("the same session").isEqualTo(sessionId);
		assertThat(lastAccessTime(sessionId)).isEqualTo(lastAccess);
		assertThat(lastSeen(sessionId)).isEqualTo(lastSeen);
	}

	@Test
	void lastSeenMovesOnAfterAMinute() {
		var member = fixtures.aMember(PortalRole.OWNER);
		var http = visitor();
		signIn(http, member);
		var sessionId = sessionId(http);
		var lastSeen = lastSeen(sessionId);

		clock.advance(PortalSessionRefresh.LAST_SEEN_STEP.plus(Duration.ofSeconds(1)));
		assertThat(http.get(member.path("/")).statusCode()).isEqualTo(200);
		assertThat(lastSeen(sessionId)).isNotEqualTo(lastSeen);
	}

	/** The store's id of the session in the browser's cookie (Spring Session writes it base64-encoded). */
	private static String sessionId(TestHttp http) {
		var cookie = http.cookie("ATRIUM_SESSION");
		assertThat(cookie).as("a session cookie").isNotNull();
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private long lastAccessTime(String sessionId) {
		return jdbc.sql("select last_access_time from spring_session where session_id = :id")
			.param("id", sessionId)
			.query(Long.class)
			.single();
	}

	private byte[] lastSeen(String sessionId) {
		return jdbc.sql("""
				select a.attribute_bytes from spring_session_attributes a
				join spring_session s on s.primary_id = a.session_primary_id
				where s.session_id = :id and a.attribute_name = :name""")
			.param("id", sessionId)
			.param("name", PortalSessions.LAST_SEEN)
			.query(byte[].class)
			.single();
	}
}

package io.atrium.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.atrium.AtriumIntegrationTest;
import io.atrium.access.PortalAccessManagement;
import io.atrium.client.ClientManagement;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffManagement;

/**
 * A firm's portal on its own host name under the base domain. Its own context (the base domain is set), and raw
 * HTTP, since a client library will not send another Host than the one it connects to.
 */
@TestPropertySource(properties = "atrium.portal.base-domain=portal.example.test")
class PortalHostTests extends AtriumIntegrationTest {

	private final PortalFixtures fixtures;

	@Autowired
	PortalHostTests(StaffManagement staff, FirmManagement firms, ClientManagement clients,
			PortalAccessManagement access) {
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	/** Status line, headers and body of a GET with the given Host header. */
	private String get(String host, String path) throws IOException {
		try (var socket = new Socket("127.0.0.1", port)) {
			var request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			var out = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(out);
			return out.toString(StandardCharsets.UTF_8);
		}
	}

	@Test
	void aFirmsHostServesItsPortal() throws IOException {
		var firm = fixtures.aFirm();
		var host = firm.slug() + ".portal.example.test";
		var signIn = get(host, "/signin");
		assertThat(signIn).startsWith("HTTP/1.1 200").contains("Sign in to " + firm.view().name());
		assertThat(get(host, "/brand.css")).startsWith("HTTP/1.1 200").contains("--accent:");
		assertThat(get(host, "/css/atrium.css")).startsWith("HTTP/1.1 200");
		assertThat(get(host, "/")).startsWith("HTTP/1.1 302").contains("/p/" + firm.slug() + "/signin");
		assertThat(get(host, "/p/" + firm.slug() + "/signin")).as("the /p/ paths too").startsWith("HTTP/1.1 200");
	}

	@Test
	void theFirmAppIsNotOnAPortalHostAndUnknownFirmsAreNotFound() throws IOException {
		var firm = fixtures.aFirm();
		assertThat(get(firm.slug() + ".portal.example.test", "/app")).as("inside the portal, which wants a sign-in")
			.startsWith("HTTP/1.1 302")
			.containsPattern("Location: \\S*/p/" + firm.slug() + "/signin\r\n");
		assertThat(get("no-such-firm.portal.example.test", "/signin")).startsWith("HTTP/1.1 404");
		assertThat(get("localhost", "/p/" + firm.slug() + "/signin")).as("the path address still works")
			.startsWith("HTTP/1.1 200");
	}
}

package io.atrium.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;

import io.atrium.TestHttp;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffInvited;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** Clients, colleagues and assignments for the client module's tests. */
public final class ClientFixtures {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private ClientFixtures() {
	}

	public static NewClient anIndividual(String name) {
		return new NewClient(ClientType.INDIVIDUAL, name, null, null, null);
	}

	public static NewClient aBusiness(String name) {
		return new NewClient(ClientType.BUSINESS, name, null, null, null);
	}

	public static NewContact aContact(String name, String email) {
		return new NewContact(name, email, null, null);
	}

	/**
	 * A colleague invited by {@code owner} who accepted the invitation (the link token is taken from the recorded
	 * {@link StaffInvited} event, as the email would carry it); signs in with {@link StaffFixtures#PASSWORD}.
	 */
	public static StaffPrincipal aColleague(StaffManagement staff, ApplicationEvents events, StaffPrincipal owner,
			FirmRole role) {
		var email = StaffFixtures.uniqueEmail(role.name().toLowerCase());
		var invited = staff.invite(owner, email, "Colleague " + role.name().toLowerCase(), role);
		var token = events.stream(StaffInvited.class)
			.filter(e -> e.staff().equals(invited.id()))
			.reduce((first, second) -> second)
			.orElseThrow()
			.token();
		staff.acceptInvitation(token, invited.name(), StaffFixtures.PASSWORD);
		return staff.activePrincipal(invited.id()).orElseThrow();
	}

	/** A Member in a built-in team (Preparers: View and Edit clients; Reviewers: View clients only). */
	public static StaffPrincipal aMemberIn(BuiltInTeam team, StaffManagement staff, ApplicationEvents events,
			StaffPrincipal owner) {
		var member = aColleague(staff, events, owner, FirmRole.MEMBER);
		var teamId = staff.teams(owner).stream().filter(t -> t.builtIn() == team).findFirst().orElseThrow().id();
		staff.addToTeam(owner, teamId, member.id());
		return staff.activePrincipal(member.id()).orElseThrow();
	}

	/**
	 * Assigns {@code member} to {@code client} in {@code role} by writing the row directly: the engagement module
	 * owns the assignment API, and these tests are about what the client module makes of an assignment.
	 */
	public static void assign(JdbcClient jdbc, StaffPrincipal member, ClientId client, AssignmentRole role) {
		jdbc.sql("delete from client_assignment where client_id = :client and role = :role")
			.param("client", client.value())
			.param("role", role.name())
			.update();
		jdbc.sql("""
				insert into client_assignment (firm_id, client_id, role, staff_id, assigned_at)
				values (:firm, :client, :role, :staff, :at)""")
			.param("firm", member.firm().value())
			.param("client", client.value())
			.param("role", role.name())
			.param("staff", member.id().value())
			.param("at", Timestamp.from(Instant.now()))
			.update();
	}

	/** A file upload through the import form, in the session of {@code http}. */
	public static HttpResponse<String> upload(TestHttp http, String fileName, byte[] content) {
		var page = http.get("/app/clients/import");
		var matcher = CSRF.matcher(page.body());
		var token = matcher.find() ? matcher.group(1).replace("&#45;", "-") : "";
		var boundary = "atrium-" + UUID.randomUUID();
		var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		var body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		var request = HttpRequest.newBuilder(URI.create(http.base() + "/app/clients/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "ATRIUM_SESSION=" + http.cookie("ATRIUM_SESSION"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}

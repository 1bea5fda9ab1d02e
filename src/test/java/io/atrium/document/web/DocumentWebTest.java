package io.atrium.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestHttp;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.document.DocumentId;
import io.atrium.document.DocumentManagement;
import io.atrium.document.DocumentVisibility;
import io.atrium.document.Upload;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.firm.FirmManagement;
import io.atrium.portal.PortalFixtures;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** A firm with a client, a contact and engagements, and the helpers the document pages' tests share. */
abstract class DocumentWebTest extends AtriumIntegrationTest {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	@Autowired
	protected DocumentManagement documents;

	@Autowired
	protected EngagementManagement engagements;

	@Autowired
	private StaffManagement staff;

	@Autowired
	private FirmManagement firms;

	@Autowired
	private ClientManagement clients;

	@Autowired
	private PortalAccessManagement access;

	protected PortalFixtures fixtures() {
		return new PortalFixtures(staff, firms, clients, access);
	}

	protected PortalFixtures.Member aMember(PortalRole role) {
		return fixtures().aMember(role);
	}

	protected StaffPrincipal owner(PortalFixtures.Member member) {
		return member.firm().owner();
	}

	protected ClientId client(PortalFixtures.Member member) {
		return member.client().id();
	}

	protected EngagementId anEngagement(StaffPrincipal owner, ClientId client, String name, boolean shared) {
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		var id = engagements.open(owner, client, new EngagementDraft(name, type, "2025", null, null));
		if (shared) {
			engagements.shareInPortal(owner, id, true);
		}
		return id;
	}

	/** The firm's owner, signed in to the firm app. */
	protected TestHttp staffSignedIn(StaffPrincipal owner) {
		var http = visitor();
		var response = http.signIn(owner.email(), StaffFixtures.PASSWORD);
		assertThat(response.statusCode()).isEqualTo(302);
		return http;
	}

	protected TestHttp portalSignedIn(PortalFixtures.Member member) {
		var http = visitor();
		assertThat(PortalFixtures.location(PortalFixtures.signIn(http, member))).endsWith(member.path("/"));
		return http;
	}

	protected DocumentId stored(StaffPrincipal owner, ClientId client, EngagementId engagement,
			DocumentVisibility visibility, String name, byte[] content) {
		return documents
			.upload(owner, client, engagement, visibility,
					new Upload(name, new ByteArrayInputStream(content), content.length))
			.id();
	}

	/** The id in the uploader's JSON answer. */
	protected static String idOf(HttpResponse<String> created) {
		var matcher = ID.matcher(created.body());
		assertThat(matcher.find()).as(created.body()).isTrue();
		return matcher.group(1);
	}

	/** A small PDF (its type is read from the content, so it has to look like one). */
	protected static byte[] pdf(String text) {
		return ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% " + text
				+ "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
	}
}

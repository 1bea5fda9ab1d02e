package io.atrium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestMail;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.document.DocumentManagement;
import io.atrium.document.DocumentVisibility;
import io.atrium.document.Upload;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.firm.FirmManagement;
import io.atrium.portal.PortalFixtures;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffManagement;

/**
 * The whole path through the real modules: a contact uploads and answers in the portal over HTTP, the firm shares a
 * document and requests one; after the window each side gets one grouped email about it.
 */
class ClientActivityEndToEndTests extends AtriumIntegrationTest {

	private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final PortalFixtures fixtures;
	private final EngagementManagement engagements;
	private final DocumentManagement documents;
	private final ActivityDigests digests;

	@Autowired
	ClientActivityEndToEndTests(StaffManagement staff, FirmManagement firms, ClientManagement clients,
			PortalAccessManagement access, EngagementManagement engagements, DocumentManagement documents,
			ActivityDigests digests) {
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
		this.engagements = engagements;
		this.documents = documents;
		this.digests = digests;
	}

	@Test
	void theClientsUploadsReachThePreparerAndTheFirmsNewsReachTheClientGrouped() {
		var member = fixtures.aMember(PortalRole.EDITOR);
		var owner = member.firm().owner();
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		var returns = engagements.open(owner, member.client().id(), new EngagementDraft("2025 1120S", type, "2025", null, null));
		engagements.assignEngagement(owner, returns, AssignmentRole.PREPARER, owner.id());
		engagements.shareInPortal(owner, returns, true);
		var request = documents.request(owner, returns, "2025 W-2 from each employer", null, null);
		documents.upload(owner, member.client().id(), returns, DocumentVisibility.CLIENT,
				new Upload("engagement-letter.pdf", new java.io.ByteArrayInputStream(PDF), PDF.length));

		var http = visitor();
		PortalFixtures.signIn(http, member);
		http.get(member.path("/cases/" + returns));
		assertThat(http.upload(member.path("/cases/" + returns + "/documents"), "bank-statement.pdf", PDF).statusCode())
			.isEqualTo(201);
		assertThat(http.upload(member.path("/requests/" + request.id() + "/upload"), "w2-acme.pdf", PDF).statusCode())
			.isEqualTo(201);

		digests.sendDue();
		assertThat(TestMail.messagesTo(owner.email())).as("nothing before the window").isEmpty();

		clock.advance(Duration.ofMinutes(6));
		digests.sendDue();
		var staffMail = TestMail.awaitMessages(owner.email(), 1, Duration.ofSeconds(15));
		assertThat(staffMail).hasSize(1);
		assertThat(TestMail.text(staffMail.get(0))).contains("bank-statement.pdf").contains("w2-acme.pdf")
			.contains("2025 1120S");

		var contactMail = TestMail.awaitMessages(member.email(), 1, Duration.ofSeconds(15));
		assertThat(contactMail).hasSize(1);
		assertThat(TestMail.text(contactMail.get(0))).contains("engagement-letter.pdf")
			.contains("2025 W-2 from each employer");
		assertThat(TestMail.messagesTo(owner.email())).hasSize(1);
	}
}

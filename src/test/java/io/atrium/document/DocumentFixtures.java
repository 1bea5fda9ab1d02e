package io.atrium.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.atrium.access.PortalMembership;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SettingsList;
import io.atrium.portal.PortalFixtures;
import io.atrium.staff.StaffPrincipal;

/** Uploads, engagements and portal members for the document module's tests; every call makes new ones. */
final class DocumentFixtures {

	private DocumentFixtures() {
	}

	/** A plain-text file (an allowed type) with {@code text} in it. */
	static Upload text(String name, String text) {
		var bytes = text.getBytes(StandardCharsets.UTF_8);
		return new Upload(name, new ByteArrayInputStream(bytes), bytes.length);
	}

	static EngagementId engagement(EngagementManagement engagements, StaffPrincipal owner, ClientId client,
			String name, boolean shared) {
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		var id = engagements.open(owner, client, new EngagementDraft(name, type, "2025", null, null));
		if (shared) {
			engagements.shareInPortal(owner, id, true);
		}
		return id;
	}

	/** A new contact of the firm's client with Enabled access in {@code role}, as the portal session holds it. */
	static PortalMembership member(PortalFixtures portal, PortalFixtures.Firm firm,
			io.atrium.client.ClientView client, String name, PortalRole role) {
		var member = portal.member(firm, client, name, io.atrium.staff.StaffFixtures.uniqueEmail("contact"), role);
		return new PortalMembership(client.id(), client.name(), member.contact().id(), name, role);
	}

	static String content(DocumentDownload download) {
		try (var in = download.content().getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}

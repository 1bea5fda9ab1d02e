package io.atrium.document.web;

import static io.atrium.portal.PortalFixtures.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.atrium.access.PortalRole;
import io.atrium.document.DocumentRequestView;
import io.atrium.document.RequestStatus;

/** Staff ask for documents, the client answers in the portal (a file, or "does not apply"), staff accept or reopen. */
class DocumentRequestPagesTests extends DocumentWebTest {

	@Test
	void aRequestIsAnsweredInThePortalAndReviewedByTheFirm() {
		var member = aMember(PortalRole.OWNER);
		var owner = owner(member);
		var engagement = anEngagement(owner, client(member), "2025 Individual return", false);
		var staff = staffSignedIn(owner);
		var section = "/app/engagements/" + engagement + "/requests";

		var before = staff.get(section);
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.body()).contains("The client sees requests once this engagement is shared.")
			.contains("Request a document");
		engagements.shareInPortal(owner, engagement, true);
		assertThat(staff.get(section).body()).doesNotContain("The client sees requests once this engagement is shared.");

		var asked = staff.post(section, Map.of("title", "2025 W-2 from each employer", "description",
				"One from every job you had in 2025.", "dueDate", "2026-04-15"));
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(location(asked)).endsWith("/app/engagements/" + engagement);
		staff.get(section);
		staff.post(section, Map.of("title", "1099-INT from the bank", "description", "", "dueDate", ""));

		var invalid = staff.post(section, Map.of("title", "Bank statements", "dueDate", "next week"));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("Enter the due date as a date").contains("Bank statements");

		var outstanding = staff.get("/app/requests");
		assertThat(outstanding.statusCode()).isEqualTo(200);
		assertThat(outstanding.body()).contains("2025 W-2 from each employer", "1099-INT from the bank",
				member.client().name(), "2025 Individual return", "2026-04-15");

		var requests = documents.requests(owner, client(member), engagement);
		var w2 = find(requests, "2025 W-2 from each employer");
		var interest = find(requests, "1099-INT from the bank");

		var contact = portalSignedIn(member);
		var home = contact.get(member.path("/documents"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("2025 W-2 from each employer", "1099-INT from the bank");
		var page = contact.get(member.path("/requests/" + w2.id()));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("One from every job you had in 2025.", "This does not apply", "data-uploader");
		var uploaded = contact.upload(member.path("/requests/" + w2.id() + "/upload"), "w2-acme.pdf", pdf("w2"));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.body()).contains("w2-acme.pdf");

		contact.get(member.path("/requests/" + interest.id()));
		var emptyReason = contact.post(member.path("/requests/" + interest.id() + "/not-applicable"),
				Map.of("reason", ""));
		assertThat(emptyReason.statusCode()).isIn(400, 422);
		contact.get(member.path("/requests/" + interest.id()));
		var notApplicable = contact.post(member.path("/requests/" + interest.id() + "/not-applicable"),
				Map.of("reason", "We had no bank account with interest in 2025."));
		assertThat(location(notApplicable)).endsWith(member.path("/requests/" + interest.id()));
		var casePiece = contact.get(member.path("/cases/" + engagement + "/requests"));
		assertThat(casePiece.statusCode()).isEqualTo(200);
		assertThat(casePiece.body()).contains("Sent to the firm", "You said it does not apply", "w2-acme.pdf",
				"We had no bank account with interest in 2025.");

		var tab = staff.get("/app/clients/" + client(member) + "/requests");
		assertThat(tab.body()).contains("w2-acme.pdf", "We had no bank account with interest in 2025.", "Accept",
				"Reopen");
		var accepted = staff.post("/app/requests/" + w2.id() + "/accept", Map.of("back", "client"));
		assertThat(location(accepted)).endsWith("/app/clients/" + client(member) + "?tab=requests");
		staff.get(section);
		var reopened = staff.post("/app/requests/" + interest.id() + "/reopen", Map.of("back", "engagement"));
		assertThat(location(reopened)).endsWith("/app/engagements/" + engagement);

		var after = documents.requests(owner, client(member), engagement);
		assertThat(find(after, "2025 W-2 from each employer").status()).isEqualTo(RequestStatus.ACCEPTED);
		assertThat(find(after, "1099-INT from the bank").status()).isEqualTo(RequestStatus.OPEN);
		assertThat(staff.get(section).body()).contains("Accepted", "Waiting for the client");
		assertThat(staff.get("/app/requests").body()).contains("1099-INT from the bank")
			.doesNotContain("2025 W-2 from each employer");
	}

	@Test
	void aViewerSeesRequestsButCannotAnswerThem() {
		var member = aMember(PortalRole.VIEWER);
		var owner = owner(member);
		var engagement = anEngagement(owner, client(member), "2025 Payroll", true);
		var request = documents.request(owner, engagement, "Q4 payroll report", null, null);
		var contact = portalSignedIn(member);
		var page = contact.get(member.path("/requests/" + request.id()));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Q4 payroll report").doesNotContain("data-uploader")
			.doesNotContain("This does not apply");
		var upload = contact.upload(member.path("/requests/" + request.id() + "/upload"), "q4.pdf", pdf("q4"));
		assertThat(upload.statusCode()).isEqualTo(403);
		var notApplicable = contact.post(member.path("/requests/" + request.id() + "/not-applicable"),
				Map.of("reason", "No payroll"));
		assertThat(notApplicable.statusCode()).isEqualTo(403);
	}

	@Test
	void aRequestOfAnotherClientOrAnUnsharedCaseIsNotFoundInThePortal() {
		var member = aMember(PortalRole.OWNER);
		var owner = owner(member);
		var unshared = anEngagement(owner, client(member), "2025 Not yet shared", false);
		var hidden = documents.request(owner, unshared, "Hidden request", null, null);
		var other = fixtures().client(member.firm(), "Someone else");
		var othersCase = anEngagement(owner, other.id(), "Their case", true);
		var theirs = documents.request(owner, othersCase, "Their request", null, null);
		var contact = portalSignedIn(member);
		assertThat(contact.get(member.path("/requests/" + hidden.id())).statusCode()).isEqualTo(404);
		assertThat(contact.get(member.path("/requests/" + theirs.id())).statusCode()).isEqualTo(404);
		assertThat(contact.get(member.path("/requests/nonsense")).statusCode()).isEqualTo(404);
		contact.get(member.path("/documents"));
		var upload = contact.upload(member.path("/requests/" + theirs.id() + "/upload"), "x.pdf", pdf("x"));
		assertThat(upload.statusCode()).isEqualTo(404);
		assertThat(contact.get(member.path("/documents")).body()).doesNotContain("Hidden request")
			.doesNotContain("Their request");
	}

	private static DocumentRequestView find(java.util.List<DocumentRequestView> requests, String title) {
		return requests.stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow();
	}
}

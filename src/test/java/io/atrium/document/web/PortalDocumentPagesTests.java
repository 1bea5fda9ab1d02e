package io.atrium.document.web;

import static io.atrium.portal.PortalFixtures.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.atrium.TestHttp;
import io.atrium.access.PortalRole;
import io.atrium.document.DocumentVisibility;

/** Contacts see only what is shared with them, upload into shared cases, and delete their own recent uploads. */
class PortalDocumentPagesTests extends DocumentWebTest {

	@Test
	void aContactSeesAndDownloadsOnlyWhatIsShared() {
		var member = aMember(PortalRole.OWNER);
		var owner = owner(member);
		var client = client(member);
		var shared = anEngagement(owner, client, "2025 Shared case", true);
		var unshared = anEngagement(owner, client, "2025 Internal case", false);
		var other = fixtures().client(member.firm(), "Other client");
		var otherCase = anEngagement(owner, other.id(), "Other case", true);

		var visible = stored(owner, client, shared, DocumentVisibility.CLIENT, "organizer.pdf", pdf("organizer"));
		var general = stored(owner, client, null, DocumentVisibility.CLIENT, "engagement letter.pdf", pdf("letter"));
		var firmOnly = stored(owner, client, shared, DocumentVisibility.FIRM, "review notes.pdf", pdf("notes"));
		var inUnshared = stored(owner, client, unshared, DocumentVisibility.CLIENT, "internal.pdf", pdf("internal"));
		var othersDocument = stored(owner, other.id(), otherCase, DocumentVisibility.CLIENT, "others.pdf",
				pdf("others"));

		var http = portalSignedIn(member);
		var page = http.get(member.path("/documents"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("organizer.pdf", "engagement letter.pdf", "2025 Shared case")
			.doesNotContain("review notes.pdf")
			.doesNotContain("internal.pdf")
			.doesNotContain("2025 Internal case")
			.doesNotContain("others.pdf");

		var download = http.getBytes(member.path("/documents/" + visible + "/download"));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf("organizer"));
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(download.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(http.getBytes(member.path("/documents/" + general + "/download")).statusCode()).isEqualTo(200);
		assertThat(http.getBytes(member.path("/documents/" + visible + "/download"), "Range", "bytes=0-9")
			.statusCode()).isEqualTo(206);

		for (var hidden : List.of(firmOnly, inUnshared, othersDocument)) {
			assertThat(http.getBytes(member.path("/documents/" + hidden + "/download")).statusCode()).as(hidden.toString())
				.isEqualTo(404);
		}
		assertThat(http.get(member.path("/cases/" + unshared + "/documents")).statusCode()).isEqualTo(404);
		assertThat(http.get(member.path("/cases/" + otherCase + "/documents")).statusCode()).isEqualTo(404);
		assertThat(http.get(member.path("/cases/" + otherCase + "/requests")).statusCode()).isEqualTo(404);

		var piece = http.get(member.path("/cases/" + shared + "/documents"));
		assertThat(piece.statusCode()).isEqualTo(200);
		assertThat(piece.body()).contains("organizer.pdf", "data-uploader").doesNotContain("review notes.pdf")
			.doesNotContain("<html");

		var history = staffSignedIn(owner).get("/app/documents/" + visible);
		assertThat(history.body()).contains("Casey Contact", "Downloaded version 1", "TestHttp/1.0");
	}

	@Test
	void aContactUploadsIntoASharedCaseAndMayDeleteTheirOwnUploadSoonAfter() {
		var member = aMember(PortalRole.EDITOR);
		var owner = owner(member);
		var shared = anEngagement(owner, client(member), "2025 Business return", true);
		var unshared = anEngagement(owner, client(member), "2025 Internal", false);
		var http = portalSignedIn(member);
		http.get(member.path("/documents"));

		var raw = http.upload(member.path("/cases/" + shared + "/documents"), "bank statement.pdf", pdf("bank"));
		assertThat(raw.statusCode()).as(raw.body()).isEqualTo(201);
		var id = idOf(raw);
		http.get(member.path("/documents"));
		var form = http.postMultipart(member.path("/cases/" + shared + "/documents"), Map.of(),
				List.of(new TestHttp.FilePart("file", "receipts.pdf", pdf("receipts"))));
		assertThat(form.statusCode()).isEqualTo(302);
		assertThat(location(form)).endsWith(member.path("/documents"));

		var page = http.get(member.path("/documents"));
		assertThat(page.body()).contains("bank statement.pdf", "receipts.pdf")
			.contains(member.path("/documents/" + id + "/delete"));
		assertThat(documents.documents(owner, client(member), shared)).extracting(d -> d.name())
			.contains("bank statement.pdf", "receipts.pdf");

		var elsewhere = http.upload(member.path("/cases/" + unshared + "/documents"), "x.pdf", pdf("x"));
		assertThat(elsewhere.statusCode()).isEqualTo(404);
		assertThat(elsewhere.body()).contains("\"message\"");

		var deleted = http.post(member.path("/documents/" + id + "/delete"), Map.of());
		assertThat(location(deleted)).endsWith(member.path("/documents"));
		assertThat(http.get(member.path("/documents")).body()).contains("bank statement.pdf was deleted.")
			.doesNotContain("data-document=\"" + id + "\"");
		assertThat(documents.documents(owner, client(member), shared)).extracting(d -> d.name())
			.containsExactly("receipts.pdf");
	}

	@Test
	void aViewerReadsButMayNotUpload() {
		var member = aMember(PortalRole.VIEWER);
		var owner = owner(member);
		var shared = anEngagement(owner, client(member), "2025 Return", true);
		stored(owner, client(member), shared, DocumentVisibility.CLIENT, "return.pdf", pdf("return"));
		var http = portalSignedIn(member);
		var page = http.get(member.path("/documents"));
		assertThat(page.body()).contains("return.pdf").doesNotContain("data-uploader");
		assertThat(http.get(member.path("/cases/" + shared + "/documents")).body()).doesNotContain("data-uploader");

		var raw = http.upload(member.path("/cases/" + shared + "/documents"), "mine.pdf", pdf("mine"));
		assertThat(raw.statusCode()).isEqualTo(403);
		var form = http.postMultipart(member.path("/cases/" + shared + "/documents"), Map.of(),
				List.of(new TestHttp.FilePart("file", "mine.pdf", pdf("mine"))));
		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(documents.documents(owner, client(member), shared)).extracting(d -> d.name())
			.containsExactly("return.pdf");
	}
}

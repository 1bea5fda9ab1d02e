package io.atrium.document.web;

import static io.atrium.portal.PortalFixtures.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.atrium.TestHttp;
import io.atrium.access.PortalRole;

/** Staff upload, find, download, change and trash documents through the pages. */
class StaffDocumentPagesTests extends DocumentWebTest {

	@Test
	void staffUploadWithTheUploaderAndWithThePlainFormAndSeeTheFiles() {
		var member = aMember(PortalRole.OWNER);
		var owner = owner(member);
		var engagement = anEngagement(owner, client(member), "2025 Tax return", false);
		var http = staffSignedIn(owner);
		var tab = "/app/clients/" + client(member) + "/documents";
		var page = http.get(tab);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-uploader").contains("2025 Tax return");

		var created = http.upload(tab + "?visibility=CLIENT", "W-2 Acme.pdf", pdf("w2"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"name\":\"W-2 Acme.pdf\"");
		idOf(created);

		http.get(tab);
		var posted = http.postMultipart(tab, Map.of("visibility", "FIRM", "engagement", engagement.toString()),
				List.of(new TestHttp.FilePart("file", "bank.pdf", pdf("bank")),
						new TestHttp.FilePart("file", "payroll.pdf", pdf("payroll"))));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		assertThat(location(posted)).endsWith("/app/clients/" + client(member) + "?tab=documents");

		var list = http.get(tab).body();
		assertThat(list).contains("W-2 Acme.pdf", "bank.pdf", "payroll.pdf", "Client can see", "Firm only",
				"2025 Tax return");
		var fragment = http.getBytes(tab, "HX-Request", "true");
		assertThat(new String(fragment.body(), StandardCharsets.UTF_8)).contains("bank.pdf").doesNotContain("<html");

		var section = http.get("/app/engagements/" + engagement + "/documents").body();
		assertThat(section).contains("bank.pdf", "payroll.pdf").doesNotContain("W-2 Acme.pdf");
		var raw = http.upload("/app/engagements/" + engagement + "/documents?visibility=CLIENT", "1099.pdf",
				pdf("1099"));
		assertThat(raw.statusCode()).isEqualTo(201);
		assertThat(http.get("/app/engagements/" + engagement + "/documents").body()).contains("1099.pdf");
	}

	@Test
	void downloadsAreWholeOrRangedNeverCachedAndRecordedWithTheBrowser() {
		var member = aMember(PortalRole.OWNER);
		var owner = owner(member);
		var http = staffSignedIn(owner);
		var tab = "/app/clients/" + client(member) + "/documents";
		http.get(tab);
		var content = pdf("ranges and history");
		var id = idOf(http.upload(tab, "résumé.pdf", content));

		var whole = http.getBytes("/app/documents/" + id + "/download");
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(content);
		var disposition = whole.headers().firstValue("Content-Disposition").orElse("");
		assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''r%C3%A9sum%C3%A9.pdf");
		assertThat(whole.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(whole.headers().firstValue("Cache-Control").orElse("")).contains("no-store").contains("private");
		assertThat(whole.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");

		var range = http.getBytes("/app/documents/" + id + "/download", "Range", "bytes=0-9");
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 0, 10));

		var view = http.getBytes("/app/documents/" + id + "/view");
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");

		var page = http.get("/app/documents/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("résumé.pdf", "Downloaded version 1", "Viewed version 1", "TestHttp/1.0");
	}

	@Test
	void aDocumentIsReplacedRenamedMovedSharedTrashedAndRestored() {
		var member = aMember(PortalRole.OWNER);
		var owner = owner(member);
		var engagement = anEngagement(owner, client(member), "2024 Amended return", false);
		var http = staffSignedIn(owner);
		var tab = "/app/clients/" + client(member) + "/documents";
		http.get(tab);
		var id = idOf(http.upload(tab, "draft.pdf", pdf("one")));
		var address = "/app/documents/" + id;

		http.get(address);
		var replaced = http.upload(address + "/versions", "draft v2.pdf", pdf("two"));
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
		var page = http.get(address).body();
		assertThat(page).contains("data-version=\"2\"").contains("data-version=\"1\"");
		assertThat(http.getBytes(address + "/download?version=1").body()).isEqualTo(pdf("one"));
		assertThat(http.getBytes(address + "/download").body()).isEqualTo(pdf("two"));

		var unnamed = http.post(address + "/rename", Map.of("name", " "));
		assertThat(unnamed.statusCode()).isEqualTo(422);
		assertThat(unnamed.body()).contains("Enter a name for the document.").contains("draft v2.pdf");
		var renamed = http.post(address + "/rename", Map.of("name", "Final return.pdf"));
		assertThat(location(renamed)).endsWith(address);
		assertThat(http.get(address).body()).contains("Final return.pdf");

		var moved = http.post(address + "/move", Map.of("engagement", engagement.toString()));
		assertThat(location(moved)).endsWith(address);
		assertThat(http.get("/app/engagements/" + engagement + "/documents").body()).contains("Final return.pdf");

		var shared = http.post(address + "/visibility", Map.of("visibility", "CLIENT"));
		assertThat(location(shared)).endsWith(address);
		assertThat(http.get(address).body()).contains("Client can see");

		var deleted = http.post(address + "/delete", Map.of());
		assertThat(location(deleted)).endsWith("/app/clients/" + client(member) + "?tab=documents");
		assertThat(http.get(tab).body()).doesNotContain("Final return.pdf");
		var trash = http.get(tab + "/trash");
		assertThat(trash.body()).contains("Final return.pdf").contains("/app/documents/" + id + "/restore");

		var restored = http.post(address + "/restore", Map.of());
		assertThat(location(restored)).endsWith(tab + "/trash");
		assertThat(http.get(tab).body()).contains("Final return.pdf");
	}

	@Test
	void emptyAndDisguisedFilesAreRefusedWithAMessage() {
		var member = aMember(PortalRole.OWNER);
		var http = staffSignedIn(owner(member));
		var tab = "/app/clients/" + client(member) + "/documents";
		http.get(tab);

		var empty = http.upload(tab, "nothing.pdf", new byte[0]);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(empty.body()).contains("\"message\"").contains("empty");

		var html = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>";
		var disguised = http.upload(tab, "a.pdf", html.getBytes(StandardCharsets.UTF_8));
		assertThat(disguised.statusCode()).isEqualTo(415);
		assertThat(disguised.body()).contains("\"message\"").contains("cannot be uploaded");

		var noFile = http.postMultipart(tab, Map.of("visibility", "FIRM"), List.of());
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(noFile.body()).contains("The file is empty.");

		assertThat(http.get(tab).body()).doesNotContain("a.pdf").doesNotContain("nothing.pdf");
	}

	@Test
	void anotherFirmsDocumentIsNotFound() {
		var member = aMember(PortalRole.OWNER);
		var id = stored(owner(member), client(member), null, io.atrium.document.DocumentVisibility.FIRM, "secret.pdf",
				pdf("secret"));
		var stranger = aMember(PortalRole.OWNER);
		var http = staffSignedIn(owner(stranger));
		assertThat(http.get("/app/documents/" + id).statusCode()).isEqualTo(404);
		assertThat(http.getBytes("/app/documents/" + id + "/download").statusCode()).isEqualTo(404);
		assertThat(http.get("/app/clients/" + client(member) + "/documents").statusCode()).isEqualTo(404);
		assertThat(http.get("/app/documents/not-an-id").statusCode()).isEqualTo(404);
	}
}

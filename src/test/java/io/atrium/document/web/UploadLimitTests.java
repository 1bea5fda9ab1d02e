package io.atrium.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.atrium.access.PortalRole;

/** Past the configured limit an upload is refused before it is stored, with the limit in the message. */
@TestPropertySource(properties = "atrium.documents.max-upload-size=1MB")
class UploadLimitTests extends DocumentWebTest {

	@Test
	void aFileOverTheLimitGets413WithTheLimitInTheMessage() {
		var member = aMember(PortalRole.OWNER);
		var http = staffSignedIn(owner(member));
		var tab = "/app/clients/" + client(member) + "/documents";
		var page = http.get(tab);
		assertThat(page.body()).contains("data-max-bytes=\"1048576\"");

		var content = new byte[1536 * 1024];
		var pdf = pdf("large");
		System.arraycopy(pdf, 0, content, 0, pdf.length);
		var large = http.upload(tab, "large.pdf", content);
		assertThat(large.statusCode()).isEqualTo(413);
		assertThat(large.body()).contains("This file is larger than the limit of 1 MB.");
		http.get(tab);
		var form = http.postMultipart(tab, java.util.Map.of("visibility", "FIRM"),
				java.util.List.of(new io.atrium.TestHttp.FilePart("file", "large.pdf", content)));
		assertThat(form.statusCode()).isEqualTo(413);
		assertThat(http.get(tab).body()).doesNotContain("large.pdf");
	}
}

package io.atrium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.atrium.firm.FirmId;
import io.atrium.firm.FirmView;
import io.atrium.notification.ActivityDigests.DigestLine;

/** The digest emails on their own: escaping of what people typed, and no link for those who cannot sign in. */
class ActivityDigestTemplatesTests {

	private final MailTemplates templates = new MailTemplates(messages(), "https://portal.example.com/",
			Clock.systemUTC());
	private final FirmView firm = new FirmView(new FirmId(UUID.randomUUID()), "Harbor Tax", "harbor", "#1f5fbf");

	@Test
	void aStaffDigestEscapesTheLinesAndLinksIntoTheApp() {
		var variables = new HashMap<String, Object>();
		variables.put("name", "Jane");
		variables.put("clientName", "Blue <Heron> Bakery");
		variables.put("caseName", "2025 1120S");
		variables.put("url", "https://portal.example.com/app/engagements/1");
		variables.put("lines", List.of(new DigestLine("Hannah uploaded <script>x</script>.pdf",
				"https://portal.example.com/app/engagements/1")));
		variables.put("count", 3);
		variables.put("more", 2);

		var email = templates.render("activity-staff", firm, variables, 3, "Blue <Heron> Bakery", " on 2025 1120S");

		assertThat(email.subject()).isEqualTo("3 updates from Blue <Heron> Bakery on 2025 1120S");
		assertThat(email.html()).doesNotContain("<script>").contains("Hannah uploaded &lt;script&gt;")
			.contains("Blue &lt;Heron&gt; Bakery")
			.contains("… and 2 more updates.")
			.contains("Open the engagement");
		assertThat(email.text()).contains("- Hannah uploaded <script>x</script>.pdf")
			.contains("Open the engagement: https://portal.example.com/app/engagements/1");
	}

	@Test
	void aNotifyOnlyContactGetsTheNewsWithoutAWayToSignIn() {
		var variables = new HashMap<String, Object>();
		variables.put("name", "Nora");
		variables.put("clientName", "Blue Heron Bakery");
		variables.put("caseName", null);
		variables.put("url", null);
		variables.put("signsIn", false);
		variables.put("lines", List.of(new DigestLine("A new note is shared with you: Checklist", null)));
		variables.put("count", 1);
		variables.put("more", 0);

		var email = templates.render("activity-contact", firm, variables, 1, "Harbor Tax", "");

		assertThat(email.subject()).isEqualTo("1 update from Harbor Tax");
		assertThat(email.html()).doesNotContain("href=").contains("A new note is shared with you: Checklist")
			.contains("contact Harbor Tax");
		assertThat(email.text()).doesNotContain("http").contains("For Blue Heron Bakery:");
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/notification");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}

package io.atrium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.atrium.firm.FirmId;
import io.atrium.firm.FirmView;

class MailTemplatesTests {

	private final Instant now = Instant.parse("2026-03-02T10:00:00Z");
	private final MailTemplates templates = new MailTemplates(messages(), "https://portal.example.com/",
			Clock.fixed(now, ZoneOffset.UTC));

	@Test
	void rendersTheFirmsColourAndEscapesWhatPeopleTyped() {
		var firm = new FirmView(new FirmId(UUID.randomUUID()), "Lee <script>alert(1)</script>", "lee", "#f5d142");

		var email = templates.render("staff-invitation", firm, Map.of("name", "Ana \"Bo\"", "inviter", "Sam <b>",
				"url", templates.link("/invitation/{token}", "abc_DEF-123"), "validFor", "7 days"), "Sam <b>", firm.name());

		assertThat(email.subject()).isEqualTo("Sam <b> invited you to join Lee <script>alert(1)</script> on Atrium");
		assertThat(email.html()).doesNotContain("<script>").doesNotContain("<b>")
			.contains("Lee &lt;script&gt;")
			.contains("background:#f5d142")
			.contains("color:#111111")
			.contains("href=\"https://portal.example.com/invitation/abc_DEF-123\"");
		assertThat(email.text()).contains("Sam <b> invited you to join Lee <script>alert(1)</script> on Atrium")
			.contains("Accept invitation: https://portal.example.com/invitation/abc_DEF-123");
	}

	@Test
	void fallsBackToTheDefaultColourForAnythingButAHexColour() {
		var firm = new FirmView(new FirmId(UUID.randomUUID()), "Odd", "odd", "red;background:url(x)");

		var email = templates.render("staff-password-reset", firm, Map.of("name", "Ana", "url", "https://x", "validFor",
				"1 hour"), firm.name());

		assertThat(email.html()).contains("background:#1f5fbf").doesNotContain("url(x)").contains("color:#ffffff");
	}

	@Test
	void saysHowLongALinkIsValidInWords() {
		assertThat(templates.validFor(now.plus(Duration.ofDays(7)).minusMillis(5))).isEqualTo("7 days");
		assertThat(templates.validFor(now.plus(Duration.ofHours(48)))).isEqualTo("2 days");
		assertThat(templates.validFor(now.plus(Duration.ofHours(1)).minusMillis(5))).isEqualTo("1 hour");
		assertThat(templates.validFor(now.plus(Duration.ofHours(3)))).isEqualTo("3 hours");
		assertThat(templates.validFor(now.plus(Duration.ofMinutes(15)))).isEqualTo("15 minutes");
	}

	@Test
	void backsOffExponentiallyUpToTheCap() {
		var settings = new MailSettings("a@b.c", Duration.ofSeconds(2), 12, DevMailbox.Mode.AUTO, Duration.ofSeconds(10),
				Duration.ofHours(1));

		assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(160));
		assertThat(settings.backoff(11)).isEqualTo(Duration.ofHours(1));
		assertThat(settings.backoff(400)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void opensTheDevMailboxOnlyOutsideProductionAndWithoutSmtpUnlessAskedTo() {
		assertThat(DevMailbox.isActive(DevMailbox.Mode.AUTO, false, false)).isTrue();
		assertThat(DevMailbox.isActive(DevMailbox.Mode.AUTO, true, false)).isFalse();
		assertThat(DevMailbox.isActive(DevMailbox.Mode.ON, true, false)).isTrue();
		assertThat(DevMailbox.isActive(DevMailbox.Mode.OFF, false, false)).isFalse();
		assertThat(DevMailbox.isActive(DevMailbox.Mode.ON, false, true)).isFalse();
		assertThat(DevMailbox.isActive(DevMailbox.Mode.AUTO, false, true)).isFalse();
	}

	@Test
	void recordsTheCauseOfAFailureInOneLine() {
		var failure = new IllegalStateException("outer", new java.net.ConnectException("Connection\nrefused"));

		assertThat(OutboxDelivery.describe(failure)).isEqualTo("ConnectException: Connection refused");
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/notification");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}

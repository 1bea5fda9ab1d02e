package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

	private static MockEnvironment safe() {
		return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/atrium")
			.withProperty("spring.mail.host", "smtp.example.com")
			.withProperty("atrium.base-url", "https://portal.example.com");
	}

	@Test
	void startsWithPostgresSmtpAndHttps() {
		assertThatCode(() -> new ProductionGuard(safe()).afterPropertiesSet()).doesNotThrowAnyException();
	}

	@Test
	void refusesTheEmbeddedDatabase() {
		var env = safe().withProperty("spring.datasource.url", "jdbc:h2:file:./data/atrium");
		assertThatThrownBy(() -> new ProductionGuard(env).afterPropertiesSet()).hasMessageContaining("PostgreSQL");
	}

	@Test
	void refusesToRunWithoutSmtp() {
		var env = safe().withProperty("spring.mail.host", "");
		assertThatThrownBy(() -> new ProductionGuard(env).afterPropertiesSet()).hasMessageContaining("SMTP");
	}

	@Test
	void refusesTheDevMailboxAndPlainHttp() {
		var env = safe().withProperty("atrium.mail.dev-mailbox", "on").withProperty("atrium.base-url", "http://x");
		assertThatThrownBy(() -> new ProductionGuard(env).afterPropertiesSet()).hasMessageContaining("dev-mailbox")
			.hasMessageContaining("https");
	}
}

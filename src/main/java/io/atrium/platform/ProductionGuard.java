package io.atrium.platform;

import java.util.ArrayList;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the {@code prod} profile, Atrium refuses to start on the embedded defaults: an H2 database, no SMTP server
 * (so no dev mailbox either), or a public address that is not HTTPS.
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

	private final Environment environment;

	ProductionGuard(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		var problems = new ArrayList<String>();
		var url = environment.getProperty("spring.datasource.url", "");
		if (url.isBlank() || url.startsWith("jdbc:h2:")) {
			problems.add("spring.datasource.url must point at PostgreSQL (SPRING_DATASOURCE_URL), not the embedded H2 database");
		}
		if (environment.getProperty("spring.mail.host", "").isBlank()) {
			problems.add("spring.mail.host must name an SMTP server (SPRING_MAIL_HOST); the dev mailbox is never used in production");
		}
		if ("on".equalsIgnoreCase(environment.getProperty("atrium.mail.dev-mailbox", ""))) {
			problems.add("atrium.mail.dev-mailbox=on is not allowed in production");
		}
		if (!environment.getProperty("atrium.base-url", "").startsWith("https://")) {
			problems.add("atrium.base-url must be the public https:// address (ATRIUM_BASE_URL)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start with the prod profile:\n - " + String.join("\n - ", problems));
		}
	}
}

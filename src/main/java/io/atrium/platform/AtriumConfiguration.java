package io.atrium.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import jakarta.servlet.Filter;

@Configuration(proxyBeanMethods = false)
class AtriumConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane), behind a delegating encoder so that stronger
	 * parameters can be introduced later and old hashes upgraded at sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
	}

	/** The session store writes a session's last-access time once a minute at most (see {@link SessionStoreWrites}). */
	@Bean
	static BeanPostProcessor sessionStoreWrites(org.springframework.core.env.Environment environment) {
		return SessionStoreWrites.wrapping(Binder.get(environment)
			.bind("atrium.session.touch-interval", Duration.class)
			.orElse(Duration.ofMinutes(1)));
	}

	@Bean
	FilterRegistrationBean<Filter> sessionStoreRequestScope() {
		return SessionStoreWrites.requestScope();
	}
}

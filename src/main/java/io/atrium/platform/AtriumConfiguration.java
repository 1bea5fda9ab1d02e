package io.atrium.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.Filter;

@Configuration(proxyBeanMethods = false)
class AtriumConfiguration {

	// Tomcat's socket buffers per connection (its default: 8 KiB), see socketBuffers()
	private static final int SOCKET_BUFFER = 64 * 1024;

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
	static BeanPostProcessor sessionStoreWrites(Environment environment) {
		return SessionStoreWrites.wrapping(Binder.get(environment)
			.bind("atrium.session.touch-interval", Duration.class)
			.orElse(Duration.ofMinutes(1)));
	}

	@Bean
	FilterRegistrationBean<Filter> sessionStoreRequestScope() {
		return SessionStoreWrites.requestScope();
	}

	/** How the session store keeps attribute values: compact for what every request reads (see SessionValues). */
	@Bean("springSessionConversionService")
	ConversionService springSessionConversionService(ObjectProvider<SessionValues.Codec<?>> codecs,
			ResourceLoader resources) {
		var all = new ArrayList<SessionValues.Codec<?>>(List.of(SessionValues.timestamps(), SessionValues.csrfTokens()));
		codecs.orderedStream().forEach(all::add);
		return new SessionValues(all, resources.getClassLoader()).conversionService();
	}

	/** The session store's transactions, but none around its single-statement reads (see SessionStoreWrites). */
	@Bean("springSessionTransactionOperations")
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
		return SessionStoreWrites.transactions(transactions);
	}

	/**
	 * Spring Boot's own transaction template, which it leaves out once any other {@link TransactionOperations} bean
	 * exists (the session store's above): the one injected wherever a {@code TransactionTemplate} is asked for.
	 */
	@Bean
	@Primary
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions);
	}

	/**
	 * No observation around each of Spring Security's filters, authentications and authorizations: without this,
	 * every request's security filters were wrapped anew in observations that measured nothing (the HTTP request
	 * metrics come from the server's own observation and stay).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	FilterRegistrationBean<Filter> directRequest() {
		return DirectRequest.registration();
	}

	@Bean
	static BeanPostProcessor pageViews() {
		return PageView.resolving();
	}

	/**
	 * The bundles of {@code spring.messages.basename}, merged once per locale: a page resolves each of its messages
	 * with one look-up instead of one per bundle (eleven), which was a seventh of the time spent rendering pages.
	 * The first bundle that has a key wins, as with Spring Boot's own message source.
	 */
	@Bean
	MessageSource messageSource(Environment environment) {
		var basenames = Binder.get(environment)
			.bind("spring.messages.basename", Bindable.listOf(String.class))
			.orElse(List.of("messages"));
		var source = new ReloadableResourceBundleMessageSource();
		source.setBasenames(basenames.stream().map(name -> "classpath:" + name.strip()).toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/**
	 * Tomcat reads from and writes to a connection through buffers of 8 KiB by default: a 10 MiB upload took 1,280
	 * socket reads and a 1 MiB download 128 writes, each a system call and often a wake-up of the request's
	 * (virtual) thread. 64 KiB each made uploads 10% and 1 MiB downloads about 25% faster (docs/performance.md), for
	 * 112 KiB more heap per open connection: 128 KiB each, about 1 GiB at Tomcat's limit of 8,192 connections
	 * ({@code server.tomcat.max-connections}; docs/deployment.md "Memory per connection").
	 */
	@Bean
	TomcatConnectorCustomizer socketBuffers() {
		return connector -> {
			connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER));
			connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER));
		};
	}
}

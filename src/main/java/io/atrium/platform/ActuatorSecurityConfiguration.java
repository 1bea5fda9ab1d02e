package io.atrium.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator: health (liveness, readiness with the database) is public for load balancers; metrics answer only a
 * scraper that signs in with HTTP Basic as {@code atrium.metrics.username}/{@code password}, and nobody when
 * those are not set.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain actuator(HttpSecurity http, PasswordEncoder encoder,
			@Value("${atrium.metrics.username:}") String username,
			@Value("${atrium.metrics.password:}") String password) throws Exception {
		var users = new InMemoryUserDetailsManager();
		boolean scraperConfigured = !username.isBlank() && !password.isBlank();
		if (scraperConfigured) {
			users.createUser(User.withUsername(username).password(encoder.encode(password)).roles("METRICS").build());
		}
		var provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		http.securityMatcher("/actuator/**")
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.access((auth, ctx) -> new AuthorizationDecision(scraperConfigured && auth.get() != null
						&& auth.get().getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_METRICS")))))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.headers(SecurityHeaders::apply);
		return http.build();
	}
}

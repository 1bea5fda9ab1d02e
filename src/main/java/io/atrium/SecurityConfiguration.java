package io.atrium;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.atrium.staff.SignInThrottle;
import io.atrium.staff.StaffAuthentication;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import io.atrium.staff.StaffSessionRefresh;
import io.atrium.staff.StaffSignInFailed;
import io.atrium.staff.StaffSignedOut;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what. Two chains: actuator (health public, metrics behind HTTP Basic for a scraper) and the
 * application (staff form sign-in, sessions in the database, CSRF on every state change, strict headers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SIGN_IN_EMAIL = "atrium.signin.email";
	static final String SIGN_IN_MINUTES = "atrium.signin.minutes";

	/** No inline script or style anywhere; pages load only their own assets and cannot be framed. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

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
				.access((auth, ctx) -> new org.springframework.security.authorization.AuthorizationDecision(
						scraperConfigured && auth.get() != null
								&& auth.get().getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_METRICS")))))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(10)
	SecurityFilterChain application(HttpSecurity http, StaffAuthentication staffAuthentication,
			StaffManagement staff, SecurityContextRepository contexts, SignInThrottle throttle,
			ApplicationEventPublisher events, Clock clock,
			@Value("${atrium.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
		var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authenticationProvider(staffAuthentication)
			.securityContext(c -> c.securityContextRepository(contexts))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/", "/setup", "/signup", "/signin", "/signin/**", "/password/**", "/invitation/**",
						"/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/dev/mail",
						"/dev/mail/**")
				.permitAll()
				.requestMatchers("/app/**", "/api/**")
				.hasRole("STAFF")
				.anyRequest()
				.permitAll())
			.formLogin(f -> f.loginPage("/signin")
				.loginProcessingUrl("/signin")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(successHandler())
				.failureHandler(this::signInFailed)
				.permitAll())
			.logout(l -> l.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/signout"))
				.logoutSuccessHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal me) {
						events.publishEvent(new StaffSignedOut(me.firm(), me.id(), me.email()));
					}
					response.sendRedirect(request.getContextPath() + "/signin?signedout");
				})
				.deleteCookies("ATRIUM_SESSION"))
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/signin"), AnyRequestMatcher.INSTANCE))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
			.addFilterBefore(new SessionAbsoluteTimeout(absoluteTimeout, clock), SecurityContextHolderFilter.class)
			.addFilterAfter(new StaffSessionRefresh(staff, contexts), SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInRateLimit(throttle, events), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	private static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
		var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					org.springframework.security.core.Authentication authentication) throws ServletException, IOException {
				var session = request.getSession(false);
				if (session != null) {
					session.removeAttribute(SIGN_IN_EMAIL);
					session.removeAttribute(SIGN_IN_MINUTES);
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		handler.setDefaultTargetUrl("/app");
		return handler;
	}

	/** Back to the form with the address kept and a message that says what to do. */
	private void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		var session = request.getSession();
		var email = request.getParameter("email");
		session.setAttribute(SIGN_IN_EMAIL, email == null ? "" : email.strip());
		String code;
		if (e instanceof LockedException) {
			code = "locked";
			session.setAttribute(SIGN_IN_MINUTES, e.getMessage());
		}
		else if (e instanceof DisabledException) {
			code = "deactivated";
		}
		else {
			code = "invalid";
		}
		response.sendRedirect(request.getContextPath() + "/signin?error=" + code);
	}

	/** Per-address budget of sign-in attempts; a spent budget answers 429 with the sign-in page. */
	static final class SignInRateLimit extends OncePerRequestFilter {

		private final SignInThrottle throttle;
		private final ApplicationEventPublisher events;

		SignInRateLimit(SignInThrottle throttle, ApplicationEventPublisher events) {
			this.throttle = throttle;
			this.events = events;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			var path = request.getRequestURI().substring(request.getContextPath().length());
			return !"POST".equals(request.getMethod()) || !(path.equals("/signin") || path.equals("/password/forgot"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (throttle.tryAttempt(request.getRemoteAddr())) {
				chain.doFilter(request, response);
				return;
			}
			var email = request.getParameter("email");
			events.publishEvent(new StaffSignInFailed(null, null, email == null ? "" : email.strip().toLowerCase(), "throttled"));
			response.setHeader("Retry-After", "60");
			request.getRequestDispatcher("/signin/throttled").forward(request, response);
		}
	}
}

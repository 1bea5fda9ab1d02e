package io.atrium.staff;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.atrium.platform.ProblemEntryPoint;
import io.atrium.platform.SecurityHeaders;
import io.atrium.platform.SessionAbsoluteTimeout;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's security chain: staff form sign-in with per-address throttling and per-account lock-out,
 * sessions in the database with idle and absolute timeouts, CSRF on every state change, strict headers, and the
 * signed-in user re-read on every request. (Actuator has its own chain in the platform module.)
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

	static final String SIGN_IN_EMAIL = "atrium.signin.email";
	static final String SIGN_IN_MINUTES = "atrium.signin.minutes";

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(10)
	SecurityFilterChain application(HttpSecurity http, StaffManagement staff, SecurityContextRepository contexts, SignInThrottle throttle,
			ApplicationEventPublisher events, Clock clock,
			@Value("${atrium.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
		var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.securityContext(c -> c.securityContextRepository(contexts))
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
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new ProblemEntryPoint(), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/signin"), AnyRequestMatcher.INSTANCE))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(SecurityHeaders::apply)
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

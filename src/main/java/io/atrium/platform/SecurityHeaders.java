package io.atrium.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/** The headers every Atrium response carries, whichever security chain serves it. */
public final class SecurityHeaders {

	/** No inline script or style anywhere; pages load only their own assets and cannot be framed. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	/**
	 * CSP, frame denial, a same-origin referrer policy (links carry tokens), nosniff (Spring Security's default),
	 * HSTS on HTTPS requests only (Spring Security writes it only for secure requests).
	 */
	public static void apply(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(f -> f.deny())
			.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
			.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
	}
}

package io.atrium.audit;

import static io.atrium.audit.AuditFixtures.PASSWORD;
import static io.atrium.audit.AuditFixtures.aFirmOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.atrium.AtriumIntegrationTest;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

/** Sign-ins and sign-outs through the real security chain land in the log with the request's address and browser. */
class SignInAuditTests extends AtriumIntegrationTest {

	private static final String BROWSER = "Mozilla/5.0 (Audit test) Firefox/140.0";

	private final MockMvc mvc;
	private final AuditLog auditLog;
	private final StaffManagement staff;
	private final FirmManagement firms;
	private final JdbcClient jdbc;

	StaffPrincipal owner;

	@Autowired
	SignInAuditTests(MockMvc mvc, AuditLog auditLog, StaffManagement staff, FirmManagement firms,
			JdbcClient jdbc) {
		this.mvc = mvc;
		this.auditLog = auditLog;
		this.staff = staff;
		this.firms = firms;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void newFirm() {
		owner = aFirmOwner(staff, firms);
	}

	@Test
	void recordsASignInWithTheAddressAndBrowser() throws Exception {
		mvc.perform(signIn(owner.email(), PASSWORD, "203.0.113.50")).andExpect(status().is3xxRedirection());

		var entry = latest(AuditActions.STAFF_SIGNED_IN);
		assertThat(entry.actorId()).isEqualTo(owner.id().value());
		assertThat(entry.actorLabel()).isEqualTo(owner.email());
		assertThat(entry.ip()).isEqualTo("203.0.113.50");
		assertThat(entry.userAgent()).isEqualTo(BROWSER);
	}

	@Test
	void recordsAWrongPasswordInTheFirm() throws Exception {
		mvc.perform(signIn(owner.email(), "not-the-password-at-all", "203.0.113.51"))
			.andExpect(status().is3xxRedirection());

		var entry = latest(AuditActions.STAFF_SIGN_IN_FAILED);
		assertThat(entry.actorId()).isEqualTo(owner.id().value());
		assertThat(entry.summary()).isEqualTo("Wrong password");
		assertThat(entry.ip()).isEqualTo("203.0.113.51");
		assertThat(auditLog.search(owner.firm(), new AuditQuery(null, AuditActions.STAFF_SIGN_IN_FAILED, null, null), 0,
				10).entries()).as("one attempt, one entry").hasSize(1);
	}

	@Test
	void recordsAnUnknownAddressOutsideEveryFirm() throws Exception {
		var email = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

		mvc.perform(signIn(email, "whatever-is-typed", "203.0.113.52")).andExpect(status().is3xxRedirection());

		var firmless = jdbc.sql("select count(*) from audit_event where firm_id is null and actor_label = :email "
				+ "and action = :action and ip = :ip")
			.param("email", email)
			.param("action", AuditActions.STAFF_SIGN_IN_FAILED)
			.param("ip", "203.0.113.52")
			.query(Integer.class)
			.single();
		assertThat(firmless).isEqualTo(1);
	}

	@Test
	void recordsASignOut() throws Exception {
		mvc.perform(post("/signout").with(csrf())
				.with(authentication(UsernamePasswordAuthenticationToken.authenticated(owner, null,
						owner.getAuthorities())))
				.header("User-Agent", BROWSER))
			.andExpect(status().is3xxRedirection());

		var entry = latest(AuditActions.STAFF_SIGNED_OUT);
		assertThat(entry.actorId()).isEqualTo(owner.id().value());
		assertThat(entry.userAgent()).isEqualTo(BROWSER);
	}

	private static MockHttpServletRequestBuilder signIn(String email, String password, String ip) {
		return post("/signin").param("email", email)
			.param("password", password)
			.header("User-Agent", BROWSER)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(ip);
				return request;
			});
	}

	private AuditEntryView latest(String action) {
		return auditLog.search(owner.firm(), new AuditQuery(null, action, null, null), 0, 1).entries().get(0);
	}
}

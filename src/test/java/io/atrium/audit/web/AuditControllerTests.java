package io.atrium.audit.web;

import static io.atrium.audit.AuditFixtures.aColleague;
import static io.atrium.audit.AuditFixtures.aFirmOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.atrium.AtriumIntegrationTest;
import io.atrium.audit.AuditActions;
import io.atrium.audit.AuditEntry;
import io.atrium.audit.AuditLog;
import io.atrium.audit.AuditQuery;
import io.atrium.firm.FirmManagement;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;

@RecordApplicationEvents
class AuditControllerTests extends AtriumIntegrationTest {

	private final MockMvc mvc;
	private final AuditLog auditLog;
	private final StaffManagement staff;
	private final FirmManagement firms;

	StaffPrincipal owner;

	@Autowired
	AuditControllerTests(MockMvc mvc, AuditLog auditLog, StaffManagement staff, FirmManagement firms) {
		this.mvc = mvc;
		this.auditLog = auditLog;
		this.staff = staff;
		this.firms = firms;
	}

	@BeforeEach
	void newFirm() {
		owner = aFirmOwner(staff, firms);
	}

	@Test
	void showsTheFirmsEntriesToAnOwner() throws Exception {
		auditLog.record(new AuditEntry(owner.firm(), owner.id().value(), owner.email(), AuditActions.STAFF_SIGNED_IN,
				owner.id().toString(), "visible-to-owner"));

		mvc.perform(get("/app/audit").with(as(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("visible-to-owner")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<td>Signed in</td>")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<td>Firm set up</td>")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(" UTC</time>")));
	}

	@Test
	void showsAnAdminNeitherAnotherFirmsEntriesNorFirmlessOnes(ApplicationEvents events) throws Exception {
		var admin = aColleague(staff, events, owner, FirmRole.ADMIN);
		var otherFirm = aFirmOwner(staff, firms);
		auditLog.record(new AuditEntry(otherFirm.firm(), otherFirm.id().value(), otherFirm.email(),
				AuditActions.STAFF_SIGNED_IN, null, "secret-of-the-other-firm"));
		auditLog.record(new AuditEntry(null, null, "guess@example.com", AuditActions.STAFF_SIGN_IN_FAILED, null,
				"firmless-entry"));

		var page = mvc.perform(get("/app/audit").with(as(admin)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		var byTheirId = mvc.perform(get("/app/audit").param("actor", otherFirm.id().toString()).with(as(admin)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		var csv = mvc.perform(get("/app/audit/export.csv").with(as(admin)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).doesNotContain("secret-of-the-other-firm", "firmless-entry", otherFirm.email(),
				"guess@example.com");
		assertThat(page).contains(admin.email());
		assertThat(byTheirId).doesNotContain("secret-of-the-other-firm").contains("class=\"empty");
		assertThat(csv).doesNotContain("secret-of-the-other-firm", "firmless-entry");
	}

	@Test
	void forbidsMembers(ApplicationEvents events) throws Exception {
		var member = aColleague(staff, events, owner, FirmRole.MEMBER);

		mvc.perform(get("/app/audit").with(as(member))).andExpect(status().isForbidden());
		mvc.perform(get("/app/audit/export.csv").with(as(member))).andExpect(status().isForbidden());
	}

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		mvc.perform(get("/app/audit")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/signin"));
		mvc.perform(get("/app/audit/export.csv")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/signin"));
	}

	@Test
	void filtersByActionAndActor() throws Exception {
		var someone = UUID.randomUUID();
		auditLog.record(new AuditEntry(owner.firm(), someone, "filter-me@example.com", AuditActions.STAFF_SIGNED_OUT,
				null, "wanted-entry"));
		auditLog.record(new AuditEntry(owner.firm(), someone, "filter-me@example.com", AuditActions.STAFF_SIGNED_IN,
				null, "other-action"));

		var html = mvc.perform(get("/app/audit").param("actor", someone.toString())
				.param("action", AuditActions.STAFF_SIGNED_OUT)
				.param("from", today().toString())
				.param("to", today().toString())
				.with(as(owner)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("wanted-entry").doesNotContain("other-action", "<td>Firm set up</td>");
		assertThat(html).contains("<option value=\"" + someone + "\" selected=\"selected\">filter-me@example.com</option>");
		assertThat(html).contains("/app/audit/export.csv?actor=" + someone + "&amp;action=staff.signed-out&amp;from="
				+ today() + "&amp;to=" + today());
	}

	@Test
	void saysWhatIsWrongWithADate() throws Exception {
		mvc.perform(get("/app/audit").param("from", "23/11/2026").with(as(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the start date as YYYY-MM-DD")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"23/11/2026\"")));
	}

	@Test
	void saysWhenTheEndDateIsBeforeTheStartDate() throws Exception {
		mvc.perform(get("/app/audit").param("from", "2026-11-23").param("to", "2026-11-01").with(as(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The end date is before the start date")));
	}

	@Test
	void saysWhenTheActionIsUnknown() throws Exception {
		mvc.perform(get("/app/audit").param("action", "staff.exploded").with(as(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose an action from the list")));
		mvc.perform(get("/app/audit/export.csv").param("action", "staff.exploded").with(as(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose an action from the list")));
	}

	@Test
	void pagesFiftyAtATime() throws Exception {
		var actor = UUID.randomUUID();
		for (int i = 1; i <= AuditController.PAGE_SIZE + 1; i++) {
			auditLog.record(new AuditEntry(owner.firm(), actor, "busy@example.com", AuditActions.STAFF_SIGNED_IN, null,
					"busy-" + i + "."));
		}

		var first = mvc.perform(get("/app/audit").param("actor", actor.toString()).with(as(owner)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		var second = mvc.perform(get("/app/audit").param("actor", actor.toString()).param("page", "2").with(as(owner)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(first).contains("busy-51.", "busy-2.").doesNotContain("busy-1.")
			.contains("rel=\"next\"").doesNotContain("rel=\"prev\"")
			.contains("/app/audit?actor=" + actor + "&amp;page=2");
		assertThat(second).contains("busy-1.").doesNotContain("busy-2.")
			.contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
	}

	@Test
	void exportsTheFilteredEntriesAsCsv() throws Exception {
		var actor = UUID.randomUUID();
		auditLog.record(new AuditEntry(owner.firm(), actor, "=HYPERLINK(\"http://evil.example\")",
				AuditActions.STAFF_SIGN_IN_FAILED, "-2+3", "+SUM(A1:A9)"));
		auditLog.record(new AuditEntry(owner.firm(), actor, "@evil", AuditActions.STAFF_SIGN_IN_FAILED, null,
				"\tcmd|' /C calc'!A0"));
		auditLog.record(new AuditEntry(owner.firm(), actor, "plain@example.com", AuditActions.STAFF_SIGN_IN_FAILED,
				null, "Café, \"quoted\""));

		var response = mvc.perform(get("/app/audit/export.csv").param("actor", actor.toString()).with(as(owner)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-"
					+ firms.get(owner.firm()).slug() + "-" + today() + ".csv\""))
			.andReturn().getResponse();

		var text = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
		assertThat(records.get(0).values()).containsExactly("Time (UTC)", "Who", "Who (ID)", "Action", "Action code",
				"Subject ID", "Details", "IP address", "Browser");
		assertThat(records).hasSize(4);
		var newest = records.get(1);
		assertThat(newest.get(1)).isEqualTo("plain@example.com");
		assertThat(newest.get(2)).isEqualTo(actor.toString());
		assertThat(newest.get(3)).isEqualTo("Sign-in failed");
		assertThat(newest.get(4)).isEqualTo("staff.sign-in-failed");
		assertThat(newest.get(6)).isEqualTo("Café, \"quoted\"");
		assertThat(newest.get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
		assertThat(records.get(2).get(1)).isEqualTo("'@evil");
		assertThat(records.get(2).get(6)).isEqualTo("'\tcmd|' /C calc'!A0");
		assertThat(records.get(3).get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
		assertThat(records.get(3).get(5)).isEqualTo("'-2+3");
		assertThat(records.get(3).get(6)).isEqualTo("'+SUM(A1:A9)");
	}

	@Test
	void recordsTheExportWithTheRequestsAddressAndBrowser() throws Exception {
		mvc.perform(get("/app/audit/export.csv").param("action", AuditActions.STAFF_SIGNED_IN)
				.header("User-Agent", "Exporter/1.0")
				.with(request -> {
					request.setRemoteAddr("192.0.2.44");
					return request;
				})
				.with(as(owner)))
			.andExpect(status().isOk());

		var exported = auditLog.search(owner.firm(), new AuditQuery(null, AuditActions.AUDIT_EXPORTED, null, null), 0, 1)
			.entries().get(0);
		assertThat(exported.actorId()).isEqualTo(owner.id().value());
		assertThat(exported.actorLabel()).isEqualTo(owner.email());
		assertThat(exported.ip()).isEqualTo("192.0.2.44");
		assertThat(exported.userAgent()).isEqualTo("Exporter/1.0");
		assertThat(exported.summary()).isEqualTo("CSV export of action staff.signed-in");
	}

	private static RequestPostProcessor as(StaffPrincipal me) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}

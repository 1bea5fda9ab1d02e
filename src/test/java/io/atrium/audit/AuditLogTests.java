package io.atrium.audit;

import static io.atrium.audit.AuditFixtures.aFirmOwner;
import static io.atrium.audit.AuditFixtures.inRequest;
import static io.atrium.audit.AuditFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.atrium.AtriumIntegrationTest;
import io.atrium.firm.FirmManagement;
import io.atrium.platform.SecureToken;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffDeactivated;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffInvited;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPasswordResetRequested;
import io.atrium.staff.StaffPrincipal;
import io.atrium.staff.StaffRoleChanged;
import io.atrium.staff.StaffSignInFailed;
import io.atrium.staff.StaffSignedIn;

class AuditLogTests extends AtriumIntegrationTest {

	private final AuditLog auditLog;
	private final StaffAuditListener listener;
	private final StaffManagement staff;
	private final FirmManagement firms;
	private final ApplicationEventPublisher events;
	private final PlatformTransactionManager transactionManager;
	private final JdbcClient jdbc;

	StaffPrincipal owner;

	@Autowired
	AuditLogTests(AuditLog auditLog, StaffAuditListener listener, StaffManagement staff, FirmManagement firms,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
		this.auditLog = auditLog;
		this.listener = listener;
		this.staff = staff;
		this.firms = firms;
		this.events = events;
		this.transactionManager = transactionManager;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void newFirm() {
		owner = aFirmOwner(staff, firms);
	}

	@Test
	void recordsTheAddressAndBrowserOfTheCurrentRequest() {
		inRequest("203.0.113.7", "Mozilla/5.0 (TestBrowser)", () -> {
			publish(new StaffSignedIn(owner.firm(), owner.id(), owner.email()));
			return null;
		});

		var entry = latest(AuditActions.STAFF_SIGNED_IN);
		assertThat(entry.actorId()).isEqualTo(owner.id().value());
		assertThat(entry.actorLabel()).isEqualTo(owner.email());
		assertThat(entry.subjectId()).isEqualTo(owner.id().toString());
		assertThat(entry.ip()).isEqualTo("203.0.113.7");
		assertThat(entry.userAgent()).isEqualTo("Mozilla/5.0 (TestBrowser)");
		assertThat(entry.actionLabelKey()).isEqualTo("audit.action.staff.signed-in");
	}

	@Test
	void recordsWithoutAddressOutsideARequest() {
		auditLog.record(new AuditEntry(owner.firm(), null, null, AuditActions.FIRM_CREATED, null, "by a job"));

		var entry = latest(AuditActions.FIRM_CREATED);
		assertThat(entry.summary()).isEqualTo("by a job");
		assertThat(entry.ip()).isNull();
		assertThat(entry.userAgent()).isNull();
	}

	@Test
	void cutsALongBrowserNameToItsColumn() {
		var userAgent = "M".repeat(2000);
		inRequest("2001:db8::1", userAgent, () -> {
			listener.on(new StaffSignedIn(owner.firm(), owner.id(), owner.email()));
			return null;
		});

		var entry = latest(AuditActions.STAFF_SIGNED_IN);
		assertThat(entry.userAgent()).hasSize(512);
		assertThat(entry.ip()).isEqualTo("2001:db8::1");
	}

	@Test
	void rollsBackTheEntryWithTheChangeItRecords() {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			events.publishEvent(new StaffSignedIn(owner.firm(), owner.id(), owner.email()));
			status.setRollbackOnly();
		});

		assertThat(auditLog.search(owner.firm(), new AuditQuery(null, AuditActions.STAFF_SIGNED_IN, null, null), 0, 10)
			.entries()).isEmpty();
	}

	@Test
	void recordsTheFirmSetUpWhenAFirmSignsUp() {
		var all = auditLog.search(owner.firm(), AuditQuery.everything(), 0, 50).entries();

		assertThat(all).extracting(AuditEntryView::action)
			.contains(AuditActions.FIRM_CREATED, AuditActions.FIRM_SET_UP);
		var setUp = all.stream().filter(e -> e.action().equals(AuditActions.FIRM_SET_UP)).findFirst().orElseThrow();
		assertThat(setUp.actorId()).isEqualTo(owner.id().value());
		assertThat(setUp.actorLabel()).isEqualTo(owner.email());
		assertThat(setUp.subjectId()).isEqualTo(owner.firm().toString());
	}

	@Test
	void neverStoresTheLinkTokenOfAnInvitationOrReset() {
		var invitationToken = SecureToken.generate().value();
		var resetToken = SecureToken.generate().value();
		var invitee = new StaffId(UUID.randomUUID());

		publish(new StaffInvited(owner.firm(), invitee, "new@example.com", "Nia New", FirmRole.MEMBER, owner.id(),
				owner.name(), invitationToken, Instant.now().plusSeconds(3600)));
		publish(new StaffPasswordResetRequested(owner.firm(), owner.id(), owner.email(), owner.name(), resetToken,
				Instant.now().plusSeconds(3600)));

		var invited = latest(AuditActions.STAFF_INVITED);
		assertThat(invited.actorId()).isEqualTo(owner.id().value());
		assertThat(invited.subjectId()).isEqualTo(invitee.toString());
		assertThat(invited.summary()).contains("new@example.com").contains("Member");
		var rows = jdbc.sql("select * from audit_event where firm_id = :firm")
			.param("firm", owner.firm().value())
			.query((rs, n) -> {
				var values = new ArrayList<String>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					values.add(String.valueOf(rs.getObject(i)));
				}
				return String.join("|", values);
			})
			.list();
		assertThat(rows).isNotEmpty().noneMatch(r -> r.contains(invitationToken) || r.contains(resetToken));
	}

	@Test
	void namesTheOneWhoActedAndTheColleagueAffected() {
		var colleague = new StaffId(UUID.randomUUID());

		signedIn(owner, () -> {
			publish(new StaffRoleChanged(owner.firm(), colleague, "cole@example.com", FirmRole.MEMBER, FirmRole.ADMIN,
					owner.id()));
			publish(new StaffDeactivated(owner.firm(), colleague, "cole@example.com", owner.id()));
		});

		var changed = latest(AuditActions.STAFF_ROLE_CHANGED);
		assertThat(changed.actorId()).isEqualTo(owner.id().value());
		assertThat(changed.actorLabel()).isEqualTo(owner.email());
		assertThat(changed.subjectId()).isEqualTo(colleague.toString());
		assertThat(changed.summary()).isEqualTo("cole@example.com: Member → Admin");
		var deactivated = latest(AuditActions.STAFF_DEACTIVATED);
		assertThat(deactivated.actorId()).isEqualTo(owner.id().value());
		assertThat(deactivated.subjectId()).isEqualTo(colleague.toString());
	}

	@Test
	void keepsFailedSignInsOfUnknownAddressesOutOfEveryFirm() {
		var email = "nobody-" + UUID.randomUUID() + "@example.com";

		inRequest("198.51.100.23", "curl/8", () -> {
			publish(new StaffSignInFailed(null, null, email, "unknown"));
			return null;
		});

		var stored = jdbc.sql("select firm_id, actor_id, summary, ip from audit_event where actor_label = :email")
			.param("email", email)
			.query((rs, n) -> new Object[] { rs.getObject("firm_id"), rs.getObject("actor_id"), rs.getString("summary"),
					rs.getString("ip") })
			.single();
		assertThat(stored[0]).isNull();
		assertThat(stored[1]).isNull();
		assertThat(stored[2]).isEqualTo("Unknown address");
		assertThat(stored[3]).isEqualTo("198.51.100.23");
		assertThat(auditLog.search(owner.firm(), new AuditQuery(email, null, null, null), 0, 10).entries()).isEmpty();
		assertThat(auditLog.actors(owner.firm())).extracting(AuditActor::label).doesNotContain(email);
	}

	@Test
	void recordsAFailedSignInOfAKnownAddressInItsFirm() {
		publish(new StaffSignInFailed(owner.firm(), owner.id(), owner.email(), "password"));

		var entry = latest(AuditActions.STAFF_SIGN_IN_FAILED);
		assertThat(entry.actorId()).isEqualTo(owner.id().value());
		assertThat(entry.summary()).isEqualTo("Wrong password");
	}

	@Test
	void showsAFirmOnlyItsOwnEntries() {
		var other = aFirmOwner(staff, firms);
		auditLog.record(new AuditEntry(owner.firm(), owner.id().value(), owner.email(), AuditActions.STAFF_SIGNED_IN,
				null, "secret of firm A"));
		auditLog.record(new AuditEntry(null, null, owner.email(), AuditActions.STAFF_SIGN_IN_FAILED, null,
				"firm-less"));

		var seenByOther = new ArrayList<AuditEntryView>();
		auditLog.export(other.firm(), AuditQuery.everything(), seenByOther::add);

		assertThat(seenByOther).isNotEmpty()
			.noneMatch(e -> "secret of firm A".equals(e.summary()) || "firm-less".equals(e.summary()))
			.noneMatch(e -> owner.email().equals(e.actorLabel()));
		assertThat(auditLog.search(other.firm(), new AuditQuery(owner.id().toString(), null, null, null), 0, 50)
			.entries()).isEmpty();
		assertThat(auditLog.actors(other.firm())).extracting(AuditActor::id).doesNotContain(owner.id().value());
	}

	@Test
	void filtersByActorIdActorLabelAndAction() {
		var someone = UUID.randomUUID();
		auditLog.record(new AuditEntry(owner.firm(), someone, "someone@example.com", AuditActions.STAFF_SIGNED_IN,
				null, "one"));
		auditLog.record(new AuditEntry(owner.firm(), someone, "someone@example.com", AuditActions.STAFF_SIGNED_OUT,
				null, "two"));
		auditLog.record(new AuditEntry(owner.firm(), null, "stranger@example.com", AuditActions.STAFF_SIGN_IN_FAILED,
				null, "three"));

		assertThat(summaries(new AuditQuery(someone.toString(), null, null, null))).containsExactly("two", "one");
		assertThat(summaries(new AuditQuery(someone.toString(), AuditActions.STAFF_SIGNED_IN, null, null)))
			.containsExactly("one");
		assertThat(summaries(new AuditQuery("stranger@example.com", null, null, null))).containsExactly("three");
		assertThat(auditLog.actors(owner.firm())).contains(new AuditActor(someone, "someone@example.com"),
				new AuditActor(null, "stranger@example.com"));
		assertThat(new AuditActor(null, "stranger@example.com").value()).isEqualTo("stranger@example.com");
		assertThat(new AuditActor(someone, "someone@example.com").value()).isEqualTo(someone.toString());
	}

	@Test
	void filtersByUtcDaysWithBothEndsIncluded() {
		insertAt(Instant.parse("2026-03-09T23:59:59Z"), "before");
		insertAt(Instant.parse("2026-03-10T00:00:00Z"), "first moment");
		insertAt(Instant.parse("2026-03-12T23:59:59.999Z"), "last moment");
		insertAt(Instant.parse("2026-03-13T00:00:00Z"), "after");

		var march10to12 = new AuditQuery(null, AuditActions.STAFF_SIGNED_IN, LocalDate.of(2026, 3, 10),
				LocalDate.of(2026, 3, 12));
		assertThat(summaries(march10to12)).containsExactly("last moment", "first moment");
		assertThat(summaries(new AuditQuery(null, AuditActions.STAFF_SIGNED_IN, LocalDate.of(2026, 3, 13), null)))
			.contains("after").doesNotContain("last moment");
		assertThat(summaries(new AuditQuery(null, AuditActions.STAFF_SIGNED_IN, null, LocalDate.of(2026, 3, 9))))
			.containsExactly("before");
	}

	@Test
	void pagesNewestFirst() {
		var actor = UUID.randomUUID();
		for (int i = 1; i <= 5; i++) {
			auditLog.record(new AuditEntry(owner.firm(), actor, "pager@example.com", AuditActions.STAFF_SIGNED_IN,
					null, "entry " + i));
		}
		var query = new AuditQuery(actor.toString(), null, null, null);

		var first = auditLog.search(owner.firm(), query, 0, 2);
		var last = auditLog.search(owner.firm(), query, 2, 2);

		assertThat(first.entries()).extracting(AuditEntryView::summary).containsExactly("entry 5", "entry 4");
		assertThat(first.hasNext()).isTrue();
		assertThat(first.hasPrevious()).isFalse();
		assertThat(last.entries()).extracting(AuditEntryView::summary).containsExactly("entry 1");
		assertThat(last.hasNext()).isFalse();
		assertThat(last.hasPrevious()).isTrue();
	}

	private void publish(Object event) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
	}

	private AuditEntryView latest(String action) {
		return auditLog.search(owner.firm(), new AuditQuery(null, action, null, null), 0, 1).entries().get(0);
	}

	private List<String> summaries(AuditQuery query) {
		return auditLog.search(owner.firm(), query, 0, 50).entries().stream().map(AuditEntryView::summary).toList();
	}

	/** Entries in the past cannot be recorded through the facade, whose clock is now. */
	private void insertAt(Instant at, String summary) {
		jdbc.sql("""
				insert into audit_event (id, firm_id, occurred_at, action, summary)
				values (:id, :firm, :at, :action, :summary)""")
			.param("id", UUID.randomUUID())
			.param("firm", owner.firm().value())
			.param("at", Timestamp.from(at))
			.param("action", AuditActions.STAFF_SIGNED_IN)
			.param("summary", summary)
			.update();
	}
}

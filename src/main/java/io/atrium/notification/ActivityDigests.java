package io.atrium.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.atrium.access.PortalAccessManagement;
import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ContactId;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.EngagementRef;
import io.atrium.firm.FirmId;
import io.atrium.firm.FirmManagement;
import io.atrium.notification.ActivityLog.RecipientKind;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffManagement;

/**
 * Turns the {@link ActivityLog} into email: unsent lines are grouped per recipient and engagement (or client, for
 * activity outside an engagement), and once a group's oldest line is older than {@code atrium.notifications
 * .activity-window} the whole group becomes one email in the {@link Outbox}, and its lines are marked sent, in one
 * transaction: a crash sends nothing or everything, never twice. Runs as db-scheduler's recurring task
 * {@code activity-digests}, on one node at a time; should two runs meet anyway, the second finds the lines claimed
 * and rolls back.
 * <p>
 * Whether the recipient may still be told is checked again when sending: a staff user no longer active, a contact
 * whose access ended or who switched the topic off, has the lines dropped (marked sent, no email).
 */
@Component
class ActivityDigests {

	/** Lines written out in one email; the rest are counted ("and 12 more"). */
	static final int LINES = 50;
	/** Lines taken into one email; a larger group is sent over several runs. */
	private static final int CLAIM = 1000;
	private static final Locale LOCALE = Locale.ENGLISH;

	private record Group(FirmId firm, RecipientKind kind, UUID recipient, ClientId client, EngagementId engagement) {
	}

	private record Line(UUID id, String email, ActivityKind kind, String summary, String linkPath) {
	}

	/** One line as the templates show it; {@code url} is null where the email carries no links. */
	record DigestLine(String text, String url) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final NotificationSettings settings;
	private final FirmManagement firms;
	private final ClientManagement clients;
	private final EngagementManagement engagements;
	private final StaffManagement staff;
	private final PortalAccessManagement access;
	private final NotificationPreferences preferences;
	private final MailTemplates templates;
	private final Outbox outbox;
	private final MessageSource messages;

	ActivityDigests(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
			NotificationSettings settings, FirmManagement firms, ClientManagement clients,
			EngagementManagement engagements, StaffManagement staff, PortalAccessManagement access,
			NotificationPreferences preferences, MailTemplates templates, Outbox outbox, MessageSource messages) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.settings = settings;
		this.firms = firms;
		this.clients = clients;
		this.engagements = engagements;
		this.staff = staff;
		this.access = access;
		this.preferences = preferences;
		this.templates = templates;
		this.outbox = outbox;
		this.messages = messages;
	}

	/** Sends every group that is due, each in its own transaction; answers how many emails were written. */
	int sendDue() {
		var cutoff = clock.instant().minus(settings.activityWindow());
		var due = jdbc.sql("""
				select firm_id, recipient_kind, recipient_id, client_id, engagement_id from notification_activity
				where sent_at is null
				group by firm_id, recipient_kind, recipient_id, client_id, engagement_id
				having min(created_at) <= :cutoff""")
			.param("cutoff", Timestamp.from(cutoff))
			.query((rs, n) -> {
				var engagement = rs.getObject("engagement_id", UUID.class);
				return new Group(new FirmId(rs.getObject("firm_id", UUID.class)),
						RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getObject("recipient_id", UUID.class),
						new ClientId(rs.getObject("client_id", UUID.class)),
						engagement == null ? null : new EngagementId(engagement));
			})
			.list();
		int emails = 0;
		for (var group : due) {
			if (Boolean.TRUE.equals(transactions.execute(tx -> {
				var sent = send(group);
				if (sent == null) {
					tx.setRollbackOnly();
					return false;
				}
				return sent;
			}))) {
				emails++;
			}
		}
		return emails;
	}

	/** True when an email was written, false when the lines were dropped, null when another run had them. */
	private Boolean send(Group group) {
		var lines = lines(group);
		if (lines.isEmpty() || !claim(lines)) {
			return null;
		}
		var firm = firms.get(group.firm());
		var clientName = clients.find(group.firm(), group.client()).map(c -> c.name()).orElse(null);
		var caseName = group.engagement() == null ? null
				: engagements.ref(group.firm(), group.engagement()).map(EngagementRef::name).orElse(null);
		var variables = new HashMap<String, Object>();
		variables.put("clientName", clientName);
		variables.put("caseName", caseName);
		String template;
		String to;
		if (group.kind() == RecipientKind.STAFF) {
			var user = staff.activeAmong(group.firm(), List.of(new StaffId(group.recipient()))).stream().findFirst();
			if (user.isEmpty() || clientName == null) {
				return false;
			}
			template = "activity-staff";
			to = user.get().email();
			variables.put("name", user.get().name());
			variables.put("url", templates.link(group.engagement() != null ? "/app/engagements/{id}" : "/app/clients/{id}",
					group.engagement() != null ? group.engagement().value() : group.client().value()));
			variables.put("lines", digestLines(lines, true));
		}
		else {
			var contactId = new ContactId(group.recipient());
			var contact = access.emailRecipients(group.firm(), group.client())
				.stream()
				.filter(c -> c.contact().equals(contactId))
				.findFirst();
			if (contact.isEmpty()) {
				return false;
			}
			var choice = preferences.of(group.firm(), contactId);
			lines = lines.stream().filter(l -> l.kind().topic() == null || choice.allows(l.kind().topic())).toList();
			if (lines.isEmpty()) {
				return false;
			}
			// Notify-only contacts cannot sign in: their emails carry the news and no link into the portal.
			var signsIn = contact.get().role().signsIn();
			template = "activity-contact";
			to = contact.get().email();
			variables.put("name", contact.get().name());
			variables.put("signsIn", signsIn);
			variables.put("url", signsIn ? templates.link("/p/{slug}/", firm.slug()) : null);
			variables.put("lines", digestLines(lines, signsIn));
		}
		int count = lines.size();
		variables.put("count", count);
		variables.put("more", Math.max(0, count - LINES));
		var onCase = caseName == null ? "" : messages.getMessage("mail.activity.on-case", new Object[] { caseName }, LOCALE);
		var from = group.kind() == RecipientKind.STAFF ? clientName : firm.name();
		var email = templates.render(template, firm, variables, count, from, onCase);
		outbox.enqueue(firm.id(), to, email);
		return true;
	}

	private List<Line> lines(Group group) {
		// Two statements rather than "engagement_id = :e or :e is null": PostgreSQL cannot type a bare null parameter.
		var sql = """
				select id, email, kind, summary, link_path from notification_activity
				where recipient_id = :recipient and client_id = :client and %s
				  and firm_id = :firm and recipient_kind = :kind and sent_at is null
				order by created_at, id limit :limit""".formatted(group.engagement() == null
				? "engagement_id is null" : "engagement_id = :engagement");
		var query = jdbc.sql(sql);
		if (group.engagement() != null) {
			query = query.param("engagement", group.engagement().value());
		}
		return query.param("recipient", group.recipient())
			.param("client", group.client().value())
			.param("firm", group.firm().value())
			.param("kind", group.kind().name())
			.param("limit", CLAIM)
			.query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getString("email"),
					ActivityKind.valueOf(rs.getString("kind")), rs.getString("summary"), rs.getString("link_path")))
			.list();
	}

	/** Marks the lines sent; false when some were no longer unsent (another run took them). */
	private boolean claim(List<Line> lines) {
		int claimed = jdbc.sql("update notification_activity set sent_at = :now where id in (:ids) and sent_at is null")
			.param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("ids", lines.stream().map(Line::id).toList())
			.update();
		return claimed == lines.size();
	}

	private List<DigestLine> digestLines(List<Line> lines, boolean withLinks) {
		return lines.stream()
			.limit(LINES)
			.map(l -> new DigestLine(l.summary(), withLinks ? templates.link(l.linkPath()) : null))
			.toList();
	}
}

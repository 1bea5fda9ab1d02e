package io.atrium.notification;

import static io.atrium.portal.PortalFixtures.location;
import static io.atrium.portal.PortalFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.atrium.AtriumIntegrationTest;
import io.atrium.TestMail;
import io.atrium.access.PortalAccessManagement;
import io.atrium.access.PortalRole;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientView;
import io.atrium.document.DocumentId;
import io.atrium.document.DocumentRequestAnswered;
import io.atrium.document.DocumentRequestId;
import io.atrium.document.DocumentRequested;
import io.atrium.document.DocumentUploaded;
import io.atrium.document.DocumentVisibility;
import io.atrium.engagement.EngagementDraft;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.PortalItemShared;
import io.atrium.engagement.SettingsList;
import io.atrium.engagement.SharedItemKind;
import io.atrium.firm.FirmManagement;
import io.atrium.messaging.ConversationId;
import io.atrium.messaging.MessagePosted;
import io.atrium.portal.PortalFixtures;
import io.atrium.portal.PortalFixtures.Member;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.BuiltInTeam;
import io.atrium.staff.StaffFixtures;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffPrincipal;
import jakarta.mail.internet.MimeMessage;

/**
 * Client activity becomes one email per recipient and engagement after the window: staff hear of the client's
 * uploads, answers and messages; contacts of what the firm shares, asks and replies, within their role and choices.
 */
class ClientActivityNotificationTests extends AtriumIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final Duration PAST_THE_WINDOW = Duration.ofMinutes(6);

	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final ActivityDigests digests;
	private final EngagementManagement engagements;
	private final StaffManagement staff;
	private final PortalAccessManagement access;
	private final NotificationPreferences preferences;
	private final ApplicationContext context;
	private final PortalFixtures fixtures;

	private PortalFixtures.Firm firm;
	private StaffPrincipal owner;
	private StaffPrincipal jane;
	private StaffPrincipal pat;
	private ClientView bakery;
	private EngagementId returns;
	private Member hannah;

	@Autowired
	ClientActivityNotificationTests(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc,
			ActivityDigests digests, EngagementManagement engagements, StaffManagement staff, FirmManagement firms,
			ClientManagement clients, PortalAccessManagement access, NotificationPreferences preferences,
			ApplicationContext context) {
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.digests = digests;
		this.engagements = engagements;
		this.staff = staff;
		this.access = access;
		this.preferences = preferences;
		this.context = context;
		this.fixtures = new PortalFixtures(staff, firms, clients, access);
	}

	@BeforeEach
	void aClientWithAnEngagement() {
		firm = fixtures.aFirm();
		owner = firm.owner();
		jane = StaffFixtures.aMember(context, owner, Set.of(), BuiltInTeam.PREPARERS);
		pat = StaffFixtures.aMember(context, owner, Set.of(), BuiltInTeam.PREPARERS);
		bakery = fixtures.client(firm, "Blue Heron Bakery LLC");
		returns = anEngagement("2025 1120S");
		engagements.assignEngagement(owner, returns, AssignmentRole.PREPARER, jane.id());
		engagements.assignEngagement(owner, returns, AssignmentRole.ASSIGNED_TO, pat.id());
		hannah = fixtures.member(firm, bakery, "Hannah Baker", StaffFixtures.uniqueEmail("hannah"), PortalRole.OWNER);
	}

	@Test
	void fiftyUploadsMakeOneEmailToEachRecipientOnceTheWindowHasPassed() throws Exception {
		publish(() -> {
			for (int i = 1; i <= 50; i++) {
				events.publishEvent(upload(returns, "receipt-" + i + ".pdf"));
			}
		});

		assertThat(digests.sendDue()).isZero();
		assertThat(outboxCount(email(jane))).isZero();
		assertThat(outboxCount(email(pat))).isZero();

		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		for (var recipient : List.of(email(jane), email(pat))) {
			var message = single(recipient);
			assertThat(message.getSubject()).isEqualTo("50 updates from Blue Heron Bakery LLC on 2025 1120S");
			var text = TestMail.text(message).replace("\r\n", "\n");
			for (int i = 1; i <= 50; i++) {
				assertThat(text).contains("- Hannah Baker uploaded receipt-" + i + ".pdf\n");
			}
			assertThat(text).contains("/app/engagements/" + returns.value());
			assertThat(TestMail.html(message)).contains("Hannah Baker uploaded receipt-50.pdf");
		}
		assertThat(outboxCount(email(owner))).isZero();
		assertThat(digests.sendDue()).as("nothing left").isZero();
	}

	@Test
	void manyLinesAreCountedRatherThanListed() throws Exception {
		publish(() -> {
			for (int i = 1; i <= ActivityDigests.LINES + 7; i++) {
				events.publishEvent(upload(returns, "page-" + i + ".pdf"));
			}
		});
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		var text = TestMail.text(single(email(jane)));
		assertThat(text).contains("page-50.pdf").doesNotContain("page-51.pdf").contains("… and 7 more updates.");
	}

	@Test
	void thePreparerWhoIsAlsoAssignedToIsToldOnce() throws Exception {
		engagements.assignEngagement(owner, returns, AssignmentRole.ASSIGNED_TO, jane.id());
		publish(() -> events.publishEvent(new DocumentRequestAnswered(firm.view().id(), bakery.id(), returns,
				new DocumentRequestId(UUID.randomUUID()), "2025 W-2", false, null, hannah.contact().id(),
				"Hannah Baker")));
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		var message = single(email(jane));
		assertThat(message.getSubject()).isEqualTo("1 update from Blue Heron Bakery LLC on 2025 1120S");
		assertThat(TestMail.text(message)).contains("Hannah Baker answered the request “2025 W-2”");
		assertThat(outboxCount(email(pat))).isZero();
		assertThat(outboxCount(email(owner))).isZero();
	}

	@Test
	void recipientsChosenOnTheEngagementReplaceTheDefaults() throws Exception {
		engagements.chooseActivityRecipients(owner, returns, List.of(owner.id()), false);
		publish(() -> events.publishEvent(upload(returns, "W-2.pdf")));
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		assertThat(TestMail.text(single(email(owner)))).contains("Hannah Baker uploaded W-2.pdf");
		assertThat(outboxCount(email(jane))).isZero();
		assertThat(outboxCount(email(pat))).isZero();
	}

	@Test
	void eachEngagementHasItsOwnEmail() throws Exception {
		var payroll = anEngagement("2025 Payroll");
		engagements.assignEngagement(owner, payroll, AssignmentRole.PREPARER, jane.id());
		publish(() -> {
			events.publishEvent(upload(returns, "1099-K.pdf"));
			events.publishEvent(upload(payroll, "941-Q4.pdf"));
			events.publishEvent(upload(returns, "bank-statement.pdf"));
		});
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		await(() -> digestsTo(email(jane)).size() >= 2);
		assertThat(digestsTo(email(jane))).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("2 updates from Blue Heron Bakery LLC on 2025 1120S",
					"1 update from Blue Heron Bakery LLC on 2025 Payroll");
	}

	@Test
	void aStaffReplyReachesTheContactsAllowedToHearOfItButNotItsAuthor() throws Exception {
		var notifyOnly = fixtures.contact(firm, bakery, "Nora Notify", StaffFixtures.uniqueEmail("nora"));
		access.invite(owner, bakery.id(), notifyOnly.id(), PortalRole.NOTIFY_ONLY, null);
		var disabled = fixtures.member(firm, bakery, "Dan Disabled", StaffFixtures.uniqueEmail("dan"), PortalRole.EDITOR);
		access.revoke(owner, bakery.id(), disabled.contact().id());
		var quiet = fixtures.member(firm, bakery, "Quinn Quiet", StaffFixtures.uniqueEmail("quinn"), PortalRole.EDITOR);
		preferences.save(firm.view().id(), quiet.contact().id(), new ContactNotificationPreferences(true, true, false));
		var noAccess = fixtures.contact(firm, bakery, "Nadia None", StaffFixtures.uniqueEmail("nadia"));

		publish(() -> events.publishEvent(new MessagePosted(firm.view().id(), bakery.id(), returns,
				new ConversationId(UUID.randomUUID()), "Your return", "We filed it today.", 0, false, jane.id(), null,
				"Jane Preparer")));
		assertThat(digests.sendDue()).isZero();
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		var toHannah = single(hannah.email());
		assertThat(toHannah.getSubject()).isEqualTo("1 update from " + firm.view().name() + " on 2025 1120S");
		assertThat(TestMail.text(toHannah)).contains("Jane Preparer replied: “We filed it today.”")
			.contains("/p/" + firm.slug() + "/");

		var toNora = single(notifyOnly.email());
		assertThat(TestMail.text(toNora)).contains("Jane Preparer replied: “We filed it today.”")
			.contains("contact " + firm.view().name())
			.doesNotContain("/p/" + firm.slug());
		assertThat(TestMail.html(toNora)).doesNotContain("/p/" + firm.slug()).doesNotContain("href=");

		assertThat(outboxCount(disabled.email())).isZero();
		assertThat(outboxCount(quiet.email())).isZero();
		assertThat(outboxCount(noAccess.email())).isZero();
		assertThat(outboxCount(email(jane))).as("the author").isZero();
		assertThat(outboxCount(email(pat))).as("staff hear of the client's messages only").isZero();
	}

	@Test
	void aContactsMessageReachesTheFirm() throws Exception {
		publish(() -> events.publishEvent(new MessagePosted(firm.view().id(), bakery.id(), returns,
				new ConversationId(UUID.randomUUID()), "Question", "Do you need the 1099s too?", 2, true, null,
				hannah.contact().id(), "Hannah Baker")));
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		assertThat(TestMail.text(single(email(jane))))
			.contains("Hannah Baker sent a new request “Question”: “Do you need the 1099s too?” (2 attachments)");
		assertThat(outboxCount(hannah.email())).as("the author").isZero();
	}

	@Test
	void requestsReachContactsOnlyOnceTheCaseIsInTheirPortal() throws Exception {
		var due = LocalDate.of(2026, 3, 15);
		publish(() -> events.publishEvent(request("Bank statements", due)));
		assertThat(rows(hannah.contact().id().value())).as("the case is not shared").isZero();

		engagements.shareInPortal(owner, returns, true);
		publish(() -> {
			events.publishEvent(request("2025 W-2", due));
			events.publishEvent(new PortalItemShared(firm.view().id(), bakery.id(), returns, SharedItemKind.DOCUMENT,
					UUID.randomUUID(), "Engagement letter.pdf", owner.id()));
		});
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		var message = single(hannah.email());
		assertThat(message.getSubject()).isEqualTo("3 updates from " + firm.view().name() + " on 2025 1120S");
		assertThat(TestMail.text(message)).contains("2025 1120S is now in your portal")
			.contains(firm.view().name() + " asks you for “2025 W-2” by Mar 15, 2026")
			.contains("A new document is shared with you: Engagement letter.pdf")
			.doesNotContain("Bank statements")
			.contains("Go to client portal: http");
	}

	@Test
	void aContactWhoTurnedATopicOffIsNotWrittenToAboutIt() throws Exception {
		preferences.save(firm.view().id(), hannah.contact().id(), new ContactNotificationPreferences(false, true, true));
		publish(() -> events.publishEvent(new PortalItemShared(firm.view().id(), bakery.id(), null,
				SharedItemKind.NOTE, UUID.randomUUID(), "Year-end checklist", owner.id())));
		clock.advance(PAST_THE_WINDOW);
		digests.sendDue();

		assertThat(rows(hannah.contact().id().value())).isZero();
		assertThat(outboxCount(hannah.email())).isZero();
	}

	@Test
	void thePreferencesPageShowsAndSavesTheContactsChoice() {
		var http = visitor();
		assertThat(location(http.get(hannah.path("/notifications")))).as("signed out")
			.endsWith(hannah.path("/signin"));

		signIn(http, hannah);
		var page = http.get(hannah.path("/notifications"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Documents and notes shared with me")
			.contains("name=\"messages\" value=\"true\" checked");

		var saved = http.post(hannah.path("/notifications"), Map.of("sharedItems", "true"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(location(saved)).endsWith(hannah.path("/notifications"));
		assertThat(preferences.of(firm.view().id(), hannah.contact().id()))
			.isEqualTo(new ContactNotificationPreferences(true, false, false));

		var again = http.get(hannah.path("/notifications"));
		assertThat(again.body()).contains("Your notification choices are saved.")
			.contains("name=\"sharedItems\" value=\"true\" checked")
			.doesNotContain("name=\"messages\" value=\"true\" checked");
	}

	// ---------------------------------------------------------------- helpers

	private EngagementId anEngagement(String name) {
		var type = engagements.list(owner, SettingsList.ENGAGEMENT_TYPES).get(0).id();
		return engagements.open(owner, bakery.id(), new EngagementDraft(name, type, "2025", null, null));
	}

	private DocumentUploaded upload(EngagementId engagement, String name) {
		return new DocumentUploaded(firm.view().id(), bakery.id(), engagement, new DocumentId(UUID.randomUUID()), name,
				1, DocumentVisibility.CLIENT, null, null, null, hannah.contact().id(), "Hannah Baker");
	}

	private DocumentRequested request(String title, LocalDate due) {
		return new DocumentRequested(firm.view().id(), bakery.id(), returns,
				new DocumentRequestId(UUID.randomUUID()), title, due, jane.id());
	}

	private void publish(Runnable publishing) {
		transactions.executeWithoutResult(tx -> publishing.run());
	}

	private String email(StaffPrincipal who) {
		return staff.get(owner, who.id()).email();
	}

	/** The one digest sent to {@code address} (staff also got their invitation, which does not count). */
	private MimeMessage single(String address) throws Exception {
		await(() -> !digestsTo(address).isEmpty());
		// a second digest would come from the same run; give the delivery a moment to show it
		Thread.sleep(300);
		var messages = digestsTo(address);
		assertThat(messages).as("digests to " + address).hasSize(1);
		return messages.get(0);
	}

	private List<MimeMessage> digestsTo(String address) {
		return TestMail.messagesTo(address).stream().filter(m -> isDigest(m)).toList();
	}

	private static boolean isDigest(MimeMessage message) {
		try {
			return message.getSubject().matches("\\d+ updates? from .*");
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void await(java.util.function.BooleanSupplier condition) {
		NotificationFixtures.await(condition, WAIT);
	}

	/** Digests written to the outbox for {@code address}. */
	private int outboxCount(String address) {
		return jdbc.sql("select count(*) from outbox_email where recipient = :to and subject like '% from %'"
				+ " and (subject like '% update from %' or subject like '% updates from %')")
			.param("to", address)
			.query(Integer.class)
			.single();
	}

	private int rows(UUID recipient) {
		return jdbc.sql("select count(*) from notification_activity where recipient_id = :r")
			.param("r", recipient)
			.query(Integer.class)
			.single();
	}
}

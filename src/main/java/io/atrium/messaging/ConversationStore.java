package io.atrium.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientId;
import io.atrium.client.ContactId;
import io.atrium.document.DocumentId;
import io.atrium.engagement.EngagementId;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * Conversations, their messages and attachments, and how far each reader has read (tables conversation, message,
 * message_attachment, conversation_read_staff, conversation_read_contact). Every message takes the conversation's
 * next number ({@code seq}); a reader's marker is the number of the last message they saw, so "unread" is the
 * messages after it that someone else wrote.
 */
@Component
class ConversationStore {

	/** A conversation as stored. */
	record Conversation(ConversationId id, FirmId firm, ClientId client, EngagementId engagement, String subject,
			int lastSeq) {
	}

	/** A message as stored, with the ids of its documents in the order they came. */
	record Message(UUID id, int seq, String body, StaffId staff, ContactId contact, String author, Instant postedAt,
			List<DocumentId> documents) {
	}

	/** Whose read markers and which of the messages count as theirs. */
	enum Reader {

		STAFF("conversation_read_staff", "staff_id"), CONTACT("conversation_read_contact", "contact_id");

		private final String table;
		private final String column;

		Reader(String table, String column) {
			this.table = table;
			this.column = column;
		}
	}

	private final JdbcClient jdbc;

	ConversationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(Conversation conversation, StaffId staff, ContactId contact, String startedBy, Instant now) {
		jdbc.sql("""
				insert into conversation (id, firm_id, client_id, engagement_id, subject, started_by_staff,
				  started_by_contact, started_by_name, created_at, last_message_at, last_seq)
				values (:id, :firm, :client, :engagement, :subject, :staff, :contact, :name, :now, :now, 0)""")
			.param("id", conversation.id().value())
			.param("firm", conversation.firm().value())
			.param("client", conversation.client().value())
			.param("engagement", conversation.engagement() == null ? null : conversation.engagement().value())
			.param("subject", conversation.subject())
			.param("staff", staff == null ? null : staff.value())
			.param("contact", contact == null ? null : contact.value())
			.param("name", startedBy)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The conversation of the firm, whichever client it is of (callers check that the reader may see that client). */
	Optional<Conversation> find(FirmId firm, ConversationId id) {
		return jdbc.sql("""
				select id, firm_id, client_id, engagement_id, subject, last_seq from conversation
				where firm_id = :firm and id = :id""")
			.param("firm", firm.value())
			.param("id", id.value())
			.query(ConversationStore::conversation)
			.optional();
	}

	/**
	 * Appends a message: takes the next number (the update locks the conversation row, so two writers queue) and
	 * moves the conversation's last activity. Returns the message's id and number.
	 */
	Message append(ConversationId conversation, String body, StaffId staff, ContactId contact, String author,
			Instant now) {
		jdbc.sql("update conversation set last_seq = last_seq + 1, last_message_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", conversation.value())
			.update();
		int seq = jdbc.sql("select last_seq from conversation where id = :id")
			.param("id", conversation.value())
			.query(Integer.class)
			.single();
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into message (id, conversation_id, seq, body, staff_id, contact_id, author_name, posted_at)
				values (:id, :conversation, :seq, :body, :staff, :contact, :author, :now)""")
			.param("id", id)
			.param("conversation", conversation.value())
			.param("seq", seq)
			.param("body", body)
			.param("staff", staff == null ? null : staff.value())
			.param("contact", contact == null ? null : contact.value())
			.param("author", author)
			.param("now", Timestamp.from(now))
			.update();
		return new Message(id, seq, body, staff, contact, author, now, List.of());
	}

	void attach(UUID message, DocumentId document, int position) {
		jdbc.sql("insert into message_attachment (message_id, document_id, position) values (:message, :document, :position)")
			.param("message", message)
			.param("document", document.value())
			.param("position", position)
			.update();
	}

	List<Message> messages(ConversationId conversation) {
		var documents = new LinkedHashMap<UUID, List<DocumentId>>();
		jdbc.sql("""
				select a.message_id, a.document_id from message_attachment a join message m on m.id = a.message_id
				where m.conversation_id = :conversation order by m.seq, a.position""")
			.param("conversation", conversation.value())
			.query((RowCallbackHandler) rs -> documents
				.computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new ArrayList<>())
				.add(new DocumentId(rs.getObject("document_id", UUID.class))));
		return jdbc.sql("""
				select id, seq, body, staff_id, contact_id, author_name, posted_at from message
				where conversation_id = :conversation order by seq""")
			.param("conversation", conversation.value())
			.query((rs, n) -> {
				var id = rs.getObject("id", UUID.class);
				var staff = rs.getObject("staff_id", UUID.class);
				var contact = rs.getObject("contact_id", UUID.class);
				return new Message(id, rs.getInt("seq"), rs.getString("body"), staff == null ? null : new StaffId(staff),
						contact == null ? null : new ContactId(contact), rs.getString("author_name"),
						rs.getTimestamp("posted_at").toInstant(), List.copyOf(documents.getOrDefault(id, List.of())));
			})
			.list();
	}

	/** The number of the last message {@code reader} saw in the conversation (0: none). */
	int lastRead(Reader reader, ConversationId conversation, UUID who) {
		return jdbc.sql("select last_read_seq from " + reader.table + " where conversation_id = :conversation and "
				+ reader.column + " = :who")
			.param("conversation", conversation.value())
			.param("who", who)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Moves the reader's marker forward to {@code seq} (never back). */
	void markRead(Reader reader, ConversationId conversation, UUID who, int seq) {
		var updated = jdbc.sql("update " + reader.table + " set last_read_seq = :seq where conversation_id = :conversation and "
				+ reader.column + " = :who and last_read_seq < :seq")
			.param("seq", seq)
			.param("conversation", conversation.value())
			.param("who", who)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into " + reader.table + " (conversation_id, " + reader.column + ", last_read_seq) "
					+ "select :conversation, :who, :seq from conversation where id = :conversation and not exists "
					+ "(select 1 from " + reader.table + " r where r.conversation_id = :conversation and r."
					+ reader.column + " = :who)")
				.param("conversation", conversation.value())
				.param("who", who)
				.param("seq", seq)
				.update();
		}
	}

	/** The client's conversations, latest activity first, each with what {@code who} has not read. */
	List<Summary> ofClient(FirmId firm, ClientId client, Reader reader, UUID who) {
		return jdbc.sql("select c.id, c.subject, c.engagement_id, c.started_by_name, c.last_message_at, c.last_seq, "
				+ "(select count(*) from message m where m.conversation_id = c.id and m.seq > coalesce((select r.last_read_seq from "
				+ reader.table + " r where r.conversation_id = c.id and r." + reader.column + " = :who), 0) and (m."
				+ reader.column + " is null or m." + reader.column + " <> :who)) as unread "
				+ "from conversation c where c.firm_id = :firm and c.client_id = :client "
				+ "order by c.last_message_at desc, c.id")
			.param("who", who)
			.param("firm", firm.value())
			.param("client", client.value())
			.query((rs, n) -> {
				var engagement = rs.getObject("engagement_id", UUID.class);
				return new Summary(new ConversationId(rs.getObject("id", UUID.class)), rs.getString("subject"),
						engagement == null ? null : new EngagementId(engagement), rs.getString("started_by_name"),
						rs.getTimestamp("last_message_at").toInstant(), rs.getInt("last_seq"), rs.getInt("unread"));
			})
			.list();
	}

	/** The messages of the client's conversations that {@code who} has not read (and did not write). */
	int unread(FirmId firm, ClientId client, Reader reader, UUID who) {
		return jdbc.sql("select count(*) from message m join conversation c on c.id = m.conversation_id left join "
				+ reader.table + " r on r.conversation_id = c.id and r." + reader.column + " = :who "
				+ "where c.firm_id = :firm and c.client_id = :client and m.seq > coalesce(r.last_read_seq, 0) and (m."
				+ reader.column + " is null or m." + reader.column + " <> :who)")
			.param("who", who)
			.param("firm", firm.value())
			.param("client", client.value())
			.query(Integer.class)
			.single();
	}

	/** A row of a list, before engagement names are known. */
	record Summary(ConversationId id, String subject, EngagementId engagement, String startedBy, Instant lastMessageAt,
			int messages, int unread) {

		ConversationSummary named(Map<EngagementId, String> names) {
			var name = engagement == null ? null : names.get(engagement);
			return new ConversationSummary(id, subject, name == null ? null : engagement, name, startedBy,
					lastMessageAt, messages, unread);
		}
	}

	private static Conversation conversation(ResultSet rs, int row) throws SQLException {
		var engagement = rs.getObject("engagement_id", UUID.class);
		return new Conversation(new ConversationId(rs.getObject("id", UUID.class)),
				new FirmId(rs.getObject("firm_id", UUID.class)), new ClientId(rs.getObject("client_id", UUID.class)),
				engagement == null ? null : new EngagementId(engagement), rs.getString("subject"), rs.getInt("last_seq"));
	}
}

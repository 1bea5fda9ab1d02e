package io.atrium.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientId;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.PortalSharing;
import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/**
 * Staff notes (table note). The portal reads them only through {@link PortalSharing#visibleCondition}: shared, and
 * on the client or on a shared engagement.
 */
@Component
class NoteStore {

	/** A note as stored. */
	record Note(NoteId id, FirmId firm, ClientId client, EngagementId engagement, String body, boolean shared,
			StaffId author, String authorName, Instant createdAt) {
	}

	private static final String COLUMNS = "n.id, n.firm_id, n.client_id, n.engagement_id, n.body, n.portal_shared, "
			+ "n.author_id, n.author_name, n.created_at";

	private final JdbcClient jdbc;

	NoteStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Note note) {
		jdbc.sql("""
				insert into note (id, firm_id, client_id, engagement_id, body, portal_shared, author_id, author_name,
				  created_at, shared_at)
				values (:id, :firm, :client, :engagement, :body, :shared, :author, :name, :now, :sharedAt)""")
			.param("id", note.id().value())
			.param("firm", note.firm().value())
			.param("client", note.client().value())
			.param("engagement", note.engagement() == null ? null : note.engagement().value())
			.param("body", note.body())
			.param("shared", note.shared())
			.param("author", note.author().value())
			.param("name", note.authorName())
			.param("now", Timestamp.from(note.createdAt()))
			.param("sharedAt", note.shared() ? Timestamp.from(note.createdAt()) : null)
			.update();
	}

	Optional<Note> find(FirmId firm, NoteId id) {
		return jdbc.sql("select " + COLUMNS + " from note n where n.firm_id = :firm and n.id = :id")
			.param("firm", firm.value())
			.param("id", id.value())
			.query(NoteStore::note)
			.optional();
	}

	/** The client's notes, newest first: all of them, or ({@code engagement} given) that engagement's. */
	List<Note> of(FirmId firm, ClientId client, EngagementId engagement) {
		return jdbc.sql("select " + COLUMNS + " from note n where n.firm_id = :firm and n.client_id = :client"
				+ (engagement == null ? "" : " and n.engagement_id = :engagement")
				+ " order by n.created_at desc, n.id")
			.param("firm", firm.value())
			.param("client", client.value())
			.params(engagement == null ? java.util.Map.of() : java.util.Map.of("engagement", engagement.value()))
			.query(NoteStore::note)
			.list();
	}

	/**
	 * What the portal shows of the client's notes, newest first: with {@code engagement}, that engagement's;
	 * without, the client-level ones.
	 */
	List<Note> visibleInPortal(FirmId firm, ClientId client, EngagementId engagement) {
		return jdbc.sql("select " + COLUMNS + " from note n where n.firm_id = :firm and n.client_id = :client and "
				+ (engagement == null ? "n.engagement_id is null" : "n.engagement_id = :engagement") + " and "
				+ PortalSharing.visibleCondition("n") + " order by n.created_at desc, n.id")
			.param("firm", firm.value())
			.param("client", client.value())
			.params(engagement == null ? java.util.Map.of() : java.util.Map.of("engagement", engagement.value()))
			.query(NoteStore::note)
			.list();
	}

	void share(NoteId id, boolean shared, Instant now) {
		jdbc.sql("update note set portal_shared = :shared, shared_at = :at where id = :id")
			.param("shared", shared)
			.param("at", shared ? Timestamp.from(now) : null)
			.param("id", id.value())
			.update();
	}

	void delete(NoteId id) {
		jdbc.sql("delete from note where id = :id").param("id", id.value()).update();
	}

	private static Note note(ResultSet rs, int row) throws SQLException {
		var engagement = rs.getObject("engagement_id", UUID.class);
		return new Note(new NoteId(rs.getObject("id", UUID.class)), new FirmId(rs.getObject("firm_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)),
				engagement == null ? null : new EngagementId(engagement), rs.getString("body"),
				rs.getBoolean("portal_shared"), new StaffId(rs.getObject("author_id", UUID.class)),
				rs.getString("author_name"), rs.getTimestamp("created_at").toInstant());
	}
}

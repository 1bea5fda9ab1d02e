package io.atrium.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmId;
import io.atrium.platform.CustomPlans;
import io.atrium.staff.StaffPrincipal;

/**
 * The read side of clients: lists, counts, search, export and visibility checks, each one set-based SQL statement
 * scoped to the viewer's firm and to what {@link ClientScope} lets the viewer see. The search looks in one column
 * kept on the client row ({@code search_text}: the client's and its contacts' names and addresses), never in the
 * contacts of each client.
 */
@Component
class ClientSearch {

	private static final String COLUMNS = "c.id, c.type, c.name, c.email, c.phone, c.notes, c.status, c.created_at";

	/** How many values go into one {@code in (...)} list: well below every database's limit on parameters. */
	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final ClientScope scope;
	private final CustomPlans plans;

	ClientSearch(JdbcClient jdbc, ClientScope scope, CustomPlans plans) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.plans = plans;
	}

	ClientPage page(StaffPrincipal viewer, ClientQuery query) {
		plans.forThisTransaction();
		var params = new HashMap<String, Object>();
		var where = where(viewer, query, params);
		var offset = (long) query.page() * query.size();
		if (!viewer.seesAllClients()) {
			// Someone who sees only their assigned clients: all of them are read to be ordered anyway, so the same
			// query counts them, from the index alone (client_visible); only the page's rows are read whole.
			var total = new long[] { -1 };
			var rows = jdbc.sql("with v as (select c.id, c.name_lower, c.created_at, count(*) over () as total from client c"
					+ where + orderBy(query, "c") + " limit :limit offset :offset)"
					+ " select " + COLUMNS + ", v.total from v join client c on c.id = v.id" + orderBy(query, "v"))
				.params(params)
				.param("limit", query.size())
				.param("offset", offset)
				.query((rs, n) -> {
					total[0] = rs.getLong("total");
					return client(rs);
				})
				.list();
			return new ClientPage(rows, query.page(), query.size(), total[0] >= 0 ? total[0] : count(viewer, query));
		}
		var rows = jdbc.sql("select " + COLUMNS + " from client c" + where + orderBy(query) + " limit :limit offset :offset")
			.params(params)
			.param("limit", query.size())
			.param("offset", offset)
			.query((rs, n) -> client(rs))
			.list();
		// the first page tells its own total when it is not full; otherwise one count with the same conditions
		var total = query.page() == 0 && rows.size() < query.size() ? rows.size() : count(viewer, query);
		return new ClientPage(rows, query.page(), query.size(), total);
	}

	/**
	 * Rewrites what the search looks in ({@code search_text}, see V16) for these clients of the firm, from their
	 * current rows and contacts. Called after every change to a client's name or email or to its contacts.
	 */
	void refreshSearchText(FirmId firm, Collection<ClientId> clients) {
		var all = clients.stream().map(ClientId::value).distinct().toList();
		for (int from = 0; from < all.size(); from += CHUNK) {
			var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			// Waits for any other transaction changing these clients' contacts to end; the update's own snapshot,
			// taken after, then sees their contacts too (under read committed it would otherwise miss them).
			jdbc.sql("select id from client where firm_id = :firm and id in (:ids) order by id for update")
				.param("firm", firm.value())
				.param("ids", chunk)
				.query(UUID.class)
				.list();
			jdbc.sql("""
					update client c set search_text = c.name_lower || chr(10) || coalesce(lower(c.email), '') || chr(10)
					  || coalesce((select string_agg(lower(k.full_name) || chr(10) || coalesce(lower(k.email), ''), chr(10)
					               order by k.id) from contact k where k.client_id = c.id), '')
					where c.firm_id = :firm and c.id in (:ids)""")
				.param("firm", firm.value())
				.param("ids", chunk)
				.update();
		}
	}

	long count(StaffPrincipal viewer, ClientQuery query) {
		plans.forThisTransaction();
		var params = new HashMap<String, Object>();
		var where = where(viewer, query, params);
		return jdbc.sql("select count(*) from client c" + where).params(params).query(Long.class).single();
	}

	List<ClientId> ids(StaffPrincipal viewer, ClientQuery query, int limit) {
		plans.forThisTransaction();
		var params = new HashMap<String, Object>();
		var where = where(viewer, query, params);
		return jdbc.sql("select c.id from client c" + where + orderBy(query) + " limit :limit")
			.params(params)
			.param("limit", limit)
			.query((rs, n) -> new ClientId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** The client, when it is in the viewer's firm and the viewer may see it. */
	Optional<ClientView> visible(StaffPrincipal viewer, ClientId id) {
		var params = new HashMap<String, Object>();
		var where = where(viewer, ClientQuery.everything(), params);
		return jdbc.sql("select " + COLUMNS + " from client c" + where + " and c.id = :id")
			.params(params)
			.param("id", id.value())
			.query((rs, n) -> client(rs))
			.optional();
	}

	/** Those of {@code ids} that the viewer may see. */
	List<ClientId> visibleAmong(StaffPrincipal viewer, Collection<ClientId> ids) {
		var found = new ArrayList<ClientId>();
		var all = ids.stream().map(ClientId::value).distinct().toList();
		for (int from = 0; from < all.size(); from += CHUNK) {
			var params = new HashMap<String, Object>();
			var where = where(viewer, ClientQuery.everything(), params);
			found.addAll(jdbc.sql("select c.id from client c" + where + " and c.id in (:ids)")
				.params(params)
				.param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.query((rs, n) -> new ClientId(rs.getObject(1, UUID.class)))
				.list());
		}
		return found;
	}

	/**
	 * Hands every matching client with its contacts to {@code sink}, in the query's order, one at a time: the rows of
	 * one join are read as they come (with a fetch size, so that PostgreSQL streams them) and grouped by client.
	 */
	void export(StaffPrincipal viewer, ClientQuery query, Consumer<ClientWithContacts> sink) {
		plans.forThisTransaction();
		var params = new HashMap<String, Object>();
		var where = where(viewer, query, params);
		var grouping = new Object() {
			ClientView client;
			List<ContactView> contacts = new ArrayList<>();

			void flush() {
				if (client != null) {
					sink.accept(new ClientWithContacts(client, contacts));
				}
				client = null;
				contacts = new ArrayList<>();
			}
		};
		jdbc.sql("select " + COLUMNS + ", k.id as contact_id, k.full_name as contact_name, k.email as contact_email,"
				+ " k.phone as contact_phone, k.notes as contact_notes, k.created_at as contact_created_at"
				+ " from client c left join contact k on k.client_id = c.id" + where + orderBy(query)
				+ ", k.created_at, k.id")
			.params(params)
			.withFetchSize(500)
			.query((RowCallbackHandler) rs -> {
				var id = rs.getObject("id", UUID.class);
				if (grouping.client == null || !grouping.client.id().value().equals(id)) {
					grouping.flush();
					grouping.client = client(rs);
				}
				var contactId = rs.getObject("contact_id", UUID.class);
				if (contactId != null) {
					grouping.contacts.add(new ContactView(new ContactId(contactId), grouping.client.id(),
							rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
							rs.getString("contact_notes"), rs.getTimestamp("contact_created_at").toInstant()));
				}
			});
		grouping.flush();
	}

	/** Which of {@code lowerNames} (lower-case) are names of clients of the firm, of any status. */
	Set<String> existingNames(FirmId firm, Collection<String> lowerNames) {
		var found = new HashSet<String>();
		var all = List.copyOf(new HashSet<>(lowerNames));
		for (int from = 0; from < all.size(); from += CHUNK) {
			found.addAll(jdbc.sql("select distinct name_lower from client where firm_id = :firm and name_lower in (:names)")
				.param("firm", firm.value())
				.param("names", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.query(String.class)
				.list());
		}
		return found;
	}

	List<ClientId> clientsOfEmail(FirmId firm, String email) {
		return jdbc.sql("""
				select c.id from client c
				where c.firm_id = :firm and exists (select 1 from contact k where k.client_id = c.id and k.firm_id = :firm and k.email = :email)
				order by c.name_lower, c.id""")
			.param("firm", firm.value())
			.param("email", email)
			.query((rs, n) -> new ClientId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** The firm, status, type and text conditions, and the viewer's visibility with the assignment filter. */
	private String where(StaffPrincipal viewer, ClientQuery query, Map<String, Object> params) {
		var sql = new StringBuilder(" where c.firm_id = :firm");
		params.put("firm", viewer.firm().value());
		if (query.status() != null) {
			sql.append(" and c.status = :status");
			params.put("status", query.status().name());
		}
		if (query.type() != null) {
			sql.append(" and c.type = :type");
			params.put("type", query.type().name());
		}
		if (query.text() != null) {
			// one line of search_text is one name or address: a search never matches across two of them
			params.put("text", "%" + escapeLike(Fields.lower(query.text()).replace('\n', ' ')) + "%");
			// a client written by a node that predates the column (a rolling upgrade) is still found by name and email
			sql.append(" and (c.search_text like :text escape '\\' or (c.search_text is null"
					+ " and (c.name_lower like :text escape '\\' or c.email like :text escape '\\')))");
		}
		sql.append(" and (").append(scope.condition(viewer, query.assignment(), params)).append(")");
		return sql.toString();
	}

	private static String orderBy(ClientQuery query) {
		return orderBy(query, "c");
	}

	private static String orderBy(ClientQuery query, String alias) {
		var dir = query.descending() ? " desc" : " asc";
		var column = query.sort() == ClientQuery.Sort.CREATED ? "created_at" : "name_lower";
		return " order by " + alias + "." + column + dir + ", " + alias + ".id" + dir;
	}

	/** A search for "50%" or "a_b" means those characters, not LIKE's wildcards. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static ClientView client(ResultSet rs) throws SQLException {
		return new ClientView(new ClientId(rs.getObject("id", UUID.class)), ClientType.valueOf(rs.getString("type")),
				rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("notes"),
				ClientStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
	}
}

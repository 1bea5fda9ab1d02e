package io.atrium.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.atrium.firm.FirmId;

import jakarta.servlet.http.HttpServletRequest;

/** Records audit entries and reads them back, always within one firm. Entries are never changed or removed. */
@Service
public class AuditLog {

	public static final int MAX_PAGE_SIZE = 500;

	private static final String SELECT = """
			select occurred_at, actor_id, actor_label, action, subject_id, summary, ip, user_agent
			from audit_event""";

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an entry in the caller's transaction, so that a change and its entry are committed or rolled back
	 * together. The time comes from the clock, the address and browser from the current HTTP request, if any.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEntry entry) {
		var request = currentRequest();
		jdbc.sql("""
				insert into audit_event (id, firm_id, occurred_at, actor_id, actor_label, action, subject_id, summary,
					ip, user_agent)
				values (:id, :firm, :at, :actorId, :actorLabel, :action, :subject, :summary, :ip, :userAgent)""")
			.param("id", UUID.randomUUID())
			.param("firm", entry.firm() == null ? null : entry.firm().value())
			.param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("actorId", entry.actorId())
			.param("actorLabel", clip(entry.actorLabel(), 254))
			.param("action", clip(entry.action(), 64))
			.param("subject", clip(entry.subjectId(), 64))
			.param("summary", clip(entry.summary(), 1000))
			.param("ip", request == null ? null : clip(request.getRemoteAddr(), 64))
			.param("userAgent", request == null ? null : clip(request.getHeader("User-Agent"), 512))
			.update();
	}

	/** A page of the firm's entries that match the query, newest first. */
	@Transactional(readOnly = true)
	public AuditPage search(FirmId firm, AuditQuery query, int page, int size) {
		var pageNumber = Math.max(page, 0);
		var pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
		var params = new HashMap<String, Object>();
		var rows = jdbc.sql(SELECT + where(firm, query, params)
				+ " order by occurred_at desc, seq desc limit :limit offset :offset")
			.params(params)
			// one row more than the page tells whether there is a next page without counting the whole log
			.param("limit", pageSize + 1)
			.param("offset", (long) pageNumber * pageSize)
			.query((rs, n) -> view(rs))
			.list();
		var hasNext = rows.size() > pageSize;
		return new AuditPage(List.copyOf(hasNext ? rows.subList(0, pageSize) : rows), pageNumber, pageSize, hasNext);
	}

	/**
	 * Hands every matching entry of the firm to {@code sink}, newest first, one row at a time, so that exporting a
	 * large log does not hold it in memory.
	 */
	@Transactional(readOnly = true)
	public void export(FirmId firm, AuditQuery query, Consumer<AuditEntryView> sink) {
		var params = new HashMap<String, Object>();
		jdbc.sql(SELECT + where(firm, query, params) + " order by occurred_at desc, seq desc")
			.params(params)
			.withFetchSize(500)
			.query((RowCallbackHandler) rs -> sink.accept(view(rs)));
	}

	/**
	 * The actions a filter may ask for: the built-in ones and every action recorded for the firm, so that modules
	 * added later need no list to be kept here.
	 */
	@Transactional(readOnly = true)
	public List<String> knownActions(FirmId firm) {
		Objects.requireNonNull(firm, "firm");
		var actions = new java.util.LinkedHashSet<>(AuditActions.ALL);
		actions.addAll(jdbc.sql("select distinct action from audit_event where firm_id = :firm order by action")
			.param("firm", firm.value())
			.query(String.class)
			.list());
		return List.copyOf(actions);
	}

	/** Everyone who appears as an actor in the firm's log, by label. */
	@Transactional(readOnly = true)
	public List<AuditActor> actors(FirmId firm) {
		Objects.requireNonNull(firm, "firm");
		var actors = new ArrayList<>(jdbc.sql("""
				select actor_id, max(actor_label) as actor_label from audit_event
				where firm_id = :firm and actor_id is not null group by actor_id
				union all
				select cast(null as uuid) as actor_id, actor_label from audit_event
				where firm_id = :firm and actor_id is null and actor_label is not null group by actor_label""")
			.param("firm", firm.value())
			.query((rs, n) -> new AuditActor(rs.getObject("actor_id", UUID.class), rs.getString("actor_label")))
			.list());
		actors.sort(Comparator.comparing((AuditActor a) -> a.label() == null ? "" : a.label(),
				String.CASE_INSENSITIVE_ORDER));
		return actors;
	}

	/** Every query is scoped to one firm: no caller can reach another firm's entries or the firm-less ones. */
	private static String where(FirmId firm, AuditQuery query, Map<String, Object> params) {
		Objects.requireNonNull(firm, "firm");
		var sql = new StringBuilder(" where firm_id = :firm");
		params.put("firm", firm.value());
		if (query.actor() != null && !query.actor().isBlank()) {
			var actorId = uuidOrNull(query.actor().strip());
			if (actorId != null) {
				sql.append(" and actor_id = :actorId");
				params.put("actorId", actorId);
			}
			else {
				sql.append(" and actor_label = :actorLabel");
				params.put("actorLabel", query.actor().strip());
			}
		}
		if (query.action() != null && !query.action().isBlank()) {
			sql.append(" and action = :action");
			params.put("action", query.action());
		}
		if (query.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", startOf(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and occurred_at < :until");
			params.put("until", startOf(query.to().plusDays(1)));
		}
		return sql.toString();
	}

	private static Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private static UUID uuidOrNull(String value) {
		if (value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static AuditEntryView view(ResultSet rs) throws SQLException {
		var action = rs.getString("action");
		return new AuditEntryView(rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getString("actor_label"), action, AuditActions.labelKey(action), rs.getString("subject_id"),
				rs.getString("summary"), rs.getString("ip"), rs.getString("user_agent"));
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	/** Cuts a value to its column's width rather than failing the audited change over a long browser name. */
	private static String clip(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		var end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
		return value.substring(0, end);
	}
}

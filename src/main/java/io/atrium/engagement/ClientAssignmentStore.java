package io.atrium.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.client.ClientId;
import io.atrium.firm.FirmId;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * Client-level assignments (table client_assignment): one holder per client and role. The rows belong to this
 * module; the client table is only read, to scope by firm and visibility.
 */
@Component
class ClientAssignmentStore {

	/** Statements name at most this many clients, well below any database's limit of bind parameters. */
	static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	ClientAssignmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<AssignmentRole, StaffId> of(FirmId firm, ClientId client) {
		var holders = new EnumMap<AssignmentRole, StaffId>(AssignmentRole.class);
		jdbc.sql("select role, staff_id from client_assignment where firm_id = :firm and client_id = :client")
			.param("firm", firm.value())
			.param("client", client.value())
			.query((RowCallbackHandler) rs -> {
				holders.put(AssignmentRole.valueOf(rs.getString("role")), new StaffId(rs.getObject("staff_id", UUID.class)));
			});
		return holders;
	}

	/** Makes {@code staff} the holder of {@code role} (null: nobody); returns the previous holder. */
	StaffId set(FirmId firm, ClientId client, AssignmentRole role, StaffId staff, Instant now) {
		var previous = of(firm, client).get(role);
		if (Objects.equals(previous, staff)) {
			return previous;
		}
		if (staff == null) {
			jdbc.sql("delete from client_assignment where firm_id = :firm and client_id = :client and role = :role")
				.param("firm", firm.value())
				.param("client", client.value())
				.param("role", role.name())
				.update();
			return previous;
		}
		var updated = jdbc.sql("""
				update client_assignment set staff_id = :staff, assigned_at = :at
				where firm_id = :firm and client_id = :client and role = :role""")
			.param("staff", staff.value())
			.param("at", Timestamp.from(now))
			.param("firm", firm.value())
			.param("client", client.value())
			.param("role", role.name())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into client_assignment (firm_id, client_id, role, staff_id, assigned_at)
					values (:firm, :client, :role, :staff, :at)""")
				.param("firm", firm.value())
				.param("client", client.value())
				.param("role", role.name())
				.param("staff", staff.value())
				.param("at", Timestamp.from(now))
				.update();
		}
		return previous;
	}

	/**
	 * Bulk and smart assign, set-based, per chunk of clients: one read of the clients the viewer may change (by
	 * {@code changeable}, an SQL condition on {@code c}), one of their current holders, then one update of those held
	 * by someone else and one insert…select for those held by nobody. {@code clients} must be distinct.
	 * <p>
	 * Every statement finds its rows by primary key from the id list. Adding the firm to the first read's condition
	 * let PostgreSQL's generic plans (used after a few runs of the same statement) pick the firm's index and test
	 * each of the firm's rows against a thousand ids, which took seconds for a firm just imported (no statistics
	 * yet); so the firm is checked on the rows found, and later statements only name checked ids.
	 */
	BulkAssignResult bulk(FirmId firm, Collection<UUID> clients, AssignmentRole role, StaffId staff,
			boolean onlyEmpty, String changeable, Map<String, Object> changeableParams, Instant now) {
		var ids = new ArrayList<>(clients);
		var toUpdate = new ArrayList<UUID>();
		var toInsert = new ArrayList<UUID>();
		int reachable = 0;
		int already = 0;
		int filled = 0;
		for (var chunk : chunks(ids)) {
			var mayChange = new ArrayList<UUID>();
			jdbc.sql("select c.id, c.firm_id from client c where c.id in (:ids) and " + changeable)
				.params(changeableParams)
				.param("ids", chunk)
				.query((RowCallbackHandler) rs -> {
					if (firm.value().equals(rs.getObject("firm_id", UUID.class))) {
						mayChange.add(rs.getObject("id", UUID.class));
					}
				});
			if (mayChange.isEmpty()) {
				continue;
			}
			reachable += mayChange.size();
			var holders = new HashMap<UUID, UUID>();
			jdbc.sql("select client_id, staff_id from client_assignment where client_id in (:ids) and role = :role")
				.param("ids", mayChange)
				.param("role", role.name())
				.query((RowCallbackHandler) rs -> {
					holders.put(rs.getObject("client_id", UUID.class), rs.getObject("staff_id", UUID.class));
				});
			for (var client : mayChange) {
				var holder = holders.get(client);
				if (holder == null) {
					toInsert.add(client);
				}
				else if (holder.equals(staff.value())) {
					already++;
				}
				else if (onlyEmpty) {
					filled++;
				}
				else {
					toUpdate.add(client);
				}
			}
		}
		int changed = 0;
		var at = Timestamp.from(now);
		for (var chunk : chunks(toUpdate)) {
			changed += jdbc.sql("""
					update client_assignment set staff_id = :staff, assigned_at = :at
					where client_id in (:ids) and role = :role and staff_id <> :staff""")
				.param("staff", staff.value())
				.param("at", at)
				.param("ids", chunk)
				.param("role", role.name())
				.update();
		}
		for (var chunk : chunks(toInsert)) {
			// someone may have filled one of them in the meantime: theirs stands, and it is not counted as changed
			changed += jdbc.sql("""
					insert into client_assignment (firm_id, client_id, role, staff_id, assigned_at)
					select c.firm_id, c.id, :role, :staff, :at from client c where c.id in (:ids)
					on conflict do nothing""")
				.param("role", role.name())
				.param("staff", staff.value())
				.param("at", at)
				.param("ids", chunk)
				.update();
		}
		return new BulkAssignResult(ids.size(), changed, already, filled, ids.size() - reachable);
	}

	/** Fills the client's empty roles from {@code defaults}; returns the roles it filled. */
	List<AssignmentRole> fillEmpty(FirmId firm, ClientId client, Map<AssignmentRole, StaffId> defaults, Instant now) {
		var current = of(firm, client);
		var filled = new ArrayList<AssignmentRole>();
		defaults.forEach((role, staff) -> {
			if (!current.containsKey(role)) {
				set(firm, client, role, staff, now);
				filled.add(role);
			}
		});
		return filled;
	}

	private static List<List<UUID>> chunks(List<UUID> ids) {
		var chunks = new ArrayList<List<UUID>>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
		}
		return chunks;
	}
}

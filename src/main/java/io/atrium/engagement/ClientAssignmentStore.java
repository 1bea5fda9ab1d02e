package io.atrium.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
		if (java.util.Objects.equals(previous, staff)) {
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
	 * by someone else and one insert…select for those held by nobody. Each statement reads one table by its key, so
	 * that its plan does not hang on fresh statistics (a just-imported firm has none). {@code clients} must be
	 * distinct.
	 */
	BulkAssignResult bulk(FirmId firm, Collection<UUID> clients, AssignmentRole role, StaffId staff,
			boolean onlyEmpty, String changeable, Map<String, Object> changeableParams, Instant now) {
		var ids = new ArrayList<>(clients);
		var toUpdate = new ArrayList<UUID>();
		var toInsert = new ArrayList<UUID>();
		int reachable = 0;
		int already = 0;
		int filled = 0;
		long t0 = System.nanoTime(), tRead = 0, tHolders = 0;
		for (var chunk : chunks(ids)) {
			long ta = System.nanoTime();
			var mayChange = jdbc.sql("select c.id from client c where c.firm_id = :firm and c.id in (:ids) and " + changeable)
				.params(changeableParams)
				.param("firm", firm.value())
				.param("ids", chunk)
				.query(UUID.class)
				.list();
			if (mayChange.isEmpty()) {
				continue;
			}
			reachable += mayChange.size();
			tRead += System.nanoTime() - ta; ta = System.nanoTime();
			var holders = new HashMap<UUID, UUID>();
			jdbc.sql("select client_id, staff_id from client_assignment where firm_id = :firm and role = :role and client_id in (:ids)")
				.param("firm", firm.value())
				.param("role", role.name())
				.param("ids", mayChange)
				.query((RowCallbackHandler) rs -> {
					holders.put(rs.getObject("client_id", UUID.class), rs.getObject("staff_id", UUID.class));
				});
			tHolders += System.nanoTime() - ta;
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
		long t1 = System.nanoTime();
		int changed = 0;
		var at = Timestamp.from(now);
		for (var chunk : chunks(toUpdate)) {
			changed += jdbc.sql("""
					update client_assignment set staff_id = :staff, assigned_at = :at
					where firm_id = :firm and role = :role and client_id in (:ids) and staff_id <> :staff""")
				.param("staff", staff.value())
				.param("at", at)
				.param("firm", firm.value())
				.param("role", role.name())
				.param("ids", chunk)
				.update();
		}
		long t2 = System.nanoTime();
		for (var chunk : chunks(toInsert)) {
			// someone may have filled one of them in the meantime: theirs stands, and it is not counted as changed
			changed += jdbc.sql("""
					insert into client_assignment (firm_id, client_id, role, staff_id, assigned_at)
					select c.firm_id, c.id, :role, :staff, :at from client c where c.firm_id = :firm and c.id in (:ids)
					on conflict do nothing""")
				.param("role", role.name())
				.param("staff", staff.value())
				.param("at", at)
				.param("firm", firm.value())
				.param("ids", chunk)
				.update();
		}
		System.out.printf("BULKTIME read %d holders %d update %d insert %d%n", tRead/1000000, tHolders/1000000, (t2-t1)/1000000, (System.nanoTime()-t2)/1000000);
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

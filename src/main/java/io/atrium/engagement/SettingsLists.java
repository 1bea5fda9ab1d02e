package io.atrium.engagement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmId;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;

/**
 * The firm's pipeline stages and engagement types: two lists that behave alike (ordered, renamable, deletable while
 * no engagement uses an entry), so one class keeps both. Every statement is scoped by firm.
 */
@Component
class SettingsLists {

	static final List<String> DEFAULT_TYPES = List.of("1040", "1065", "1120", "1120S", "990", "Bookkeeping", "Payroll",
			"Advisory", "Legal matter", "Other");

	static final List<String> DEFAULT_STAGES = List.of("Not started", "Awaiting documents", "In preparation",
			"In review", "Ready for signature", "Filed", "Complete");

	static final int MAX_NAME = 60;

	private final JdbcClient jdbc;

	SettingsLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void createDefaults(FirmId firm) {
		insertAll(firm, SettingsList.ENGAGEMENT_TYPES, DEFAULT_TYPES);
		insertAll(firm, SettingsList.PIPELINE_STAGES, DEFAULT_STAGES);
	}

	private void insertAll(FirmId firm, SettingsList list, List<String> names) {
		for (int i = 0; i < names.size(); i++) {
			jdbc.sql("insert into " + table(list) + " (id, firm_id, name, position) values (:id, :firm, :name, :position)")
				.param("id", UUID.randomUUID())
				.param("firm", firm.value())
				.param("name", names.get(i))
				.param("position", i + 1)
				.update();
		}
	}

	/** The list in the firm's order. */
	List<ListEntry> entries(FirmId firm, SettingsList list) {
		return jdbc.sql("select id, name, position from " + table(list) + " where firm_id = :firm order by position, name")
			.param("firm", firm.value())
			.query((rs, n) -> new ListEntry(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position")))
			.list();
	}

	/**
	 * The list in the firm's order, each entry with the number of engagements using it: one grouped count over the
	 * firm's engagements, for the settings page only.
	 */
	List<ListEntryUsage> usage(FirmId firm, SettingsList list) {
		return jdbc.sql("select l.id, l.name, l.position, coalesce(u.used, 0) as used from " + table(list)
				+ " l left join (select e." + column(list) + " as entry, count(*) as used from engagement e"
				+ " where e.firm_id = :firm group by e." + column(list) + ") u on u.entry = l.id"
				+ " where l.firm_id = :firm order by l.position, l.name")
			.param("firm", firm.value())
			.query((rs, n) -> new ListEntryUsage(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getInt("position"), rs.getLong("used")))
			.list();
	}

	/** Whether any engagement of the firm uses the entry: stops at the first one. */
	private boolean inUse(FirmId firm, SettingsList list, UUID id) {
		return jdbc.sql("select exists (select 1 from engagement where firm_id = :firm and " + column(list) + " = :id)")
			.param("firm", firm.value())
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	Optional<ListEntry> find(FirmId firm, SettingsList list, UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return entries(firm, list).stream().filter(e -> e.id().equals(id)).findFirst();
	}

	ListEntry get(FirmId firm, SettingsList list, UUID id) {
		return find(firm, list, id).orElseThrow(() -> new NotFoundException(table(list)));
	}

	ListEntry add(FirmId firm, SettingsList list, String name) {
		var checked = checkedName(firm, list, name, null);
		var position = jdbc.sql("select coalesce(max(position), 0) + 1 from " + table(list) + " where firm_id = :firm")
			.param("firm", firm.value())
			.query(Integer.class)
			.single();
		var id = UUID.randomUUID();
		jdbc.sql("insert into " + table(list) + " (id, firm_id, name, position) values (:id, :firm, :name, :position)")
			.param("id", id)
			.param("firm", firm.value())
			.param("name", checked)
			.param("position", position)
			.update();
		return new ListEntry(id, checked, position);
	}

	/** Renames an entry; returns its previous name. */
	String rename(FirmId firm, SettingsList list, UUID id, String name) {
		var entry = get(firm, list, id);
		var checked = checkedName(firm, list, name, id);
		jdbc.sql("update " + table(list) + " set name = :name where firm_id = :firm and id = :id")
			.param("name", checked)
			.param("firm", firm.value())
			.param("id", id)
			.update();
		return entry.name();
	}

	/** Swaps an entry with its neighbour; false when it already is first (or last). */
	boolean move(FirmId firm, SettingsList list, UUID id, boolean up) {
		var entries = entries(firm, list);
		var index = -1;
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).id().equals(id)) {
				index = i;
			}
		}
		if (index < 0) {
			throw new NotFoundException(table(list));
		}
		var other = up ? index - 1 : index + 1;
		if (other < 0 || other >= entries.size()) {
			return false;
		}
		// positions are rewritten densely, so that entries with equal positions (from concurrent adds) sort out too
		var reordered = new ArrayList<>(entries);
		Collections.swap(reordered, index, other);
		for (int i = 0; i < reordered.size(); i++) {
			jdbc.sql("update " + table(list) + " set position = :position where firm_id = :firm and id = :id")
				.param("position", i + 1)
				.param("firm", firm.value())
				.param("id", reordered.get(i).id())
				.update();
		}
		return true;
	}

	/** Deletes an entry no engagement uses, keeping at least one; returns its name. */
	String delete(FirmId firm, SettingsList list, UUID id) {
		var entry = get(firm, list, id);
		if (inUse(firm, list, id)) {
			throw new InvalidRequestException(null, prefix(list) + ".in-use");
		}
		if (entries(firm, list).size() <= 1) {
			throw new InvalidRequestException(null, prefix(list) + ".last");
		}
		jdbc.sql("delete from " + table(list) + " where firm_id = :firm and id = :id")
			.param("firm", firm.value())
			.param("id", id)
			.update();
		return entry.name();
	}

	private String checkedName(FirmId firm, SettingsList list, String name, UUID except) {
		var stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw new InvalidRequestException("name", prefix(list) + ".name.required");
		}
		if (stripped.length() > MAX_NAME) {
			throw new InvalidRequestException("name", prefix(list) + ".name.too-long");
		}
		var lower = stripped.toLowerCase(Locale.ROOT);
		var taken = entries(firm, list).stream()
			.anyMatch(e -> !e.id().equals(except) && e.name().toLowerCase(Locale.ROOT).equals(lower));
		if (taken) {
			throw new InvalidRequestException("name", prefix(list) + ".name.taken");
		}
		return stripped;
	}

	static String prefix(SettingsList list) {
		return list == SettingsList.PIPELINE_STAGES ? "engagement.stages" : "engagement.types";
	}

	private static String table(SettingsList list) {
		return list == SettingsList.PIPELINE_STAGES ? "pipeline_stage" : "engagement_type";
	}

	private static String column(SettingsList list) {
		return list == SettingsList.PIPELINE_STAGES ? "stage_id" : "type_id";
	}
}

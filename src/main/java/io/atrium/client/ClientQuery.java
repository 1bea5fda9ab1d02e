package io.atrium.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.atrium.platform.InvalidRequestException;
import io.atrium.staff.AssignmentRole;
import io.atrium.staff.StaffId;

/**
 * Which clients a list shows: {@code text} (in the client's name or email, or any contact's name or email,
 * case-insensitive), {@code type} (null: both), {@code status} (null: every status), assignments, sort order and
 * page ({@code page} counts from 0; {@code size} is at most {@link #MAX_SIZE}).
 */
public record ClientQuery(String text, ClientType type, ClientStatus status, AssignmentFilter assignment, Sort sort,
		boolean descending, int page, int size) {

	public enum Sort {
		NAME, CREATED
	}

	public static final int DEFAULT_SIZE = 25;
	public static final int MAX_SIZE = 100;
	public static final int MAX_TEXT = 200;

	public ClientQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidRequestException("q", "client.filter.text.too-long");
		}
		assignment = assignment == null ? AssignmentFilter.NONE : assignment;
		sort = sort == null ? Sort.NAME : sort;
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	/** Active clients by name, first page: what the client list shows first. */
	public static ClientQuery active() {
		return new ClientQuery(null, null, ClientStatus.ACTIVE, AssignmentFilter.NONE, Sort.NAME, false, 0,
				DEFAULT_SIZE);
	}

	/** Every client of every status: to tell "none at all" from "none of these". */
	public static ClientQuery everything() {
		return new ClientQuery(null, null, null, AssignmentFilter.NONE, Sort.NAME, false, 0, DEFAULT_SIZE);
	}

	/**
	 * Reads a query from request parameters, as the client list, its export, the API and bulk actions send them:
	 * {@code q}, {@code type} (individual, business), {@code status} (active — the default —, archived, all),
	 * {@code assignee} (a staff id), {@code assigneeRole} and {@code unassigned} (an assignment role), {@code sort}
	 * (name, created), {@code dir} (asc, desc) and {@code page} (counting from 1). A value that cannot be read is an
	 * {@link InvalidRequestException} naming the parameter. The assignment role of the filter is not called
	 * {@code role}: the bulk-assign form, which carries the filter, sends the role to assign under that name.
	 */
	public static ClientQuery fromParameters(Function<String, String> parameter, int size) {
		var statusValue = blankToNull(parameter.apply("status"));
		ClientStatus status;
		if (statusValue == null) {
			status = ClientStatus.ACTIVE;
		}
		else if ("all".equalsIgnoreCase(statusValue)) {
			status = null;
		}
		else {
			status = parse(ClientStatus.class, statusValue, "status");
		}
		var assignee = blankToNull(parameter.apply("assignee"));
		var filter = new AssignmentFilter(assignee == null ? null : new StaffId(uuid(assignee, "assignee")),
				parse(AssignmentRole.class, parameter.apply("assigneeRole"), "assigneeRole"),
				parse(AssignmentRole.class, parameter.apply("unassigned"), "unassigned"));
		var sort = parse(Sort.class, parameter.apply("sort"), "sort");
		var dir = blankToNull(parameter.apply("dir"));
		if (dir != null && !dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
			throw new InvalidRequestException("dir", "client.filter.invalid");
		}
		return new ClientQuery(parameter.apply("q"), parse(ClientType.class, parameter.apply("type"), "type"), status,
				filter, sort, "desc".equalsIgnoreCase(dir), pageNumber(parameter.apply("page")), size);
	}

	/** The same query on another page (from 0). */
	public ClientQuery withPage(int page) {
		return new ClientQuery(text, type, status, assignment, sort, descending, page, size);
	}

	public ClientQuery sortedBy(Sort sort, boolean descending) {
		return new ClientQuery(text, type, status, assignment, sort, descending, 0, size);
	}

	/** Whether anything narrows the list beyond the default (active clients). */
	public boolean isFiltered() {
		return text != null || type != null || status != ClientStatus.ACTIVE || !AssignmentFilter.NONE.equals(assignment);
	}

	/**
	 * The filters as request parameters (the inverse of {@link #fromParameters}), leaving out defaults; with
	 * {@code withOrder} also the sort order. The page is never included.
	 */
	public Map<String, String> parameters(boolean withOrder) {
		var parameters = new LinkedHashMap<String, String>();
		put(parameters, "q", text);
		put(parameters, "type", type == null ? null : lower(type));
		put(parameters, "status", status == null ? "all" : status == ClientStatus.ACTIVE ? null : lower(status));
		put(parameters, "assignee", assignment.assignee() == null ? null : assignment.assignee().toString());
		put(parameters, "assigneeRole", assignment.role() == null ? null : assignment.role().name());
		put(parameters, "unassigned", assignment.unassignedIn() == null ? null : assignment.unassignedIn().name());
		if (withOrder) {
			put(parameters, "sort", sort == Sort.NAME ? null : lower(sort));
			put(parameters, "dir", descending ? "desc" : null);
		}
		return parameters;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
		var name = blankToNull(value);
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException(parameter, "client.filter.invalid");
		}
	}

	private static UUID uuid(String value, String parameter) {
		try {
			if (value.length() == 36) {
				return UUID.fromString(value);
			}
		}
		catch (IllegalArgumentException e) {
			// answered below
		}
		throw new InvalidRequestException(parameter, "client.filter.invalid");
	}

	/** Pages count from 1 in addresses; anything unreadable is the first page. */
	private static int pageNumber(String value) {
		var page = blankToNull(value);
		if (page == null || page.length() > 7) {
			return 0;
		}
		try {
			return Math.max(Integer.parseInt(page) - 1, 0);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private static void put(Map<String, String> parameters, String name, String value) {
		if (value != null) {
			parameters.put(name, value);
		}
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}

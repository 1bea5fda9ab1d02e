package io.atrium.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.atrium.client.ImportProblem.Kind;

/**
 * Reads an import file: UTF-8 CSV with a header row, one line per contact, lines with the same type and name making
 * one client. It accepts the export's own columns too (status, created, contacts), so that an export can be
 * imported into another firm. Whole-file faults reject the file ({@link ImportRejected}); faults of a line leave
 * that line out and are reported with its line number. Nothing here touches the database.
 */
final class CsvImport {

	static final int MAX_BYTES = 5 * 1024 * 1024;
	static final int MAX_ROWS = 50_000;

	static final List<String> COLUMNS = List.of("type", "name", "email", "phone", "notes", "contact_name",
			"contact_email", "contact_phone");

	/** Columns of the export that an import understands too; {@code created} is read and ignored. */
	static final List<String> EXPORT_COLUMNS = List.of("status", "created", "contacts");

	private static final Pattern NAMED_ADDRESS = Pattern.compile("(.*?)\\s*<([^<>]*)>\\s*");

	/** The parsed file before the database is asked about duplicates. */
	record Parsed(int rows, List<ImportedClient> clients, List<ImportProblem> problems) {
	}

	private CsvImport() {
	}

	static Parsed parse(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw new ImportRejected("client.import.too-large", MAX_BYTES / (1024 * 1024));
		}
		var text = utf8(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			throw new ImportRejected("client.import.empty");
		}
		if (text.indexOf('\u0000') >= 0) {
			throw new ImportRejected("client.import.not-text");
		}
		var lines = new LineIndex(text);
		var problems = new ArrayList<ImportProblem>();
		// keyed by lower-case name: one name is one client, whatever the type
		var clients = new LinkedHashMap<String, ClientRows>();
		int rows = 0;
		try (var parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
			var records = parser.iterator();
			Map<String, Integer> header = null;
			// where the last good record ended: a broken one starts on the line after (blank lines aside)
			long lastEnd = 0;
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException e) {
					throw new ImportRejected("client.import.malformed", Long.toString(lastEnd + 1));
				}
				lastEnd = parser.getCurrentLineNumber();
				var line = lines.lineOf(record.getCharacterPosition());
				if (header == null) {
					header = header(record);
					continue;
				}
				if (isBlank(record)) {
					continue;
				}
				if (++rows > MAX_ROWS) {
					throw new ImportRejected("client.import.too-many-rows", MAX_ROWS);
				}
				var row = new Row(line, record, header);
				row.read();
				if (!row.errors.isEmpty()) {
					problems.addAll(row.errors);
					continue;
				}
				var nameKey = Fields.lower(row.name);
				var existing = clients.get(nameKey);
				if (existing != null && existing.type != row.type) {
					problems.add(new ImportProblem(line, Kind.DUPLICATE, "client.import.row.other-type",
							List.of(row.name, Integer.toString(existing.line))));
					continue;
				}
				if (existing == null) {
					existing = new ClientRows(line, row);
					clients.put(nameKey, existing);
				}
				else {
					existing.fillIn(row);
				}
				for (var contact : row.contacts) {
					if (!existing.add(contact)) {
						problems.add(new ImportProblem(line, Kind.DUPLICATE, "client.import.row.contact-repeated",
								List.of(contact.name(), row.name)));
					}
				}
			}
			if (header == null) {
				throw new ImportRejected("client.import.empty");
			}
		}
		catch (IOException e) {
			throw new ImportRejected("client.import.malformed", "1");
		}
		return new Parsed(rows, clients.values().stream().map(ClientRows::client).toList(), problems);
	}

	/** Refuses anything that is not valid UTF-8, rather than guessing and importing garbled names. */
	private static String utf8(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new ImportRejected("client.import.not-utf8");
		}
	}

	/** Column names are matched without regard to case, spaces or dashes ("Contact Email" is contact_email). */
	private static Map<String, Integer> header(CSVRecord record) {
		var header = new LinkedHashMap<String, Integer>();
		var unknown = new ArrayList<String>();
		for (int i = 0; i < record.size(); i++) {
			var name = record.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
			if (name.isEmpty()) {
				continue;
			}
			if (!COLUMNS.contains(name) && !EXPORT_COLUMNS.contains(name)) {
				unknown.add(Fields.singleLine(record.get(i)));
			}
			else if (header.putIfAbsent(name, i) != null) {
				throw new ImportRejected("client.import.header.repeated", name);
			}
		}
		if (!unknown.isEmpty()) {
			throw new ImportRejected("client.import.header.unknown", clip(String.join(", ", unknown)),
					String.join(",", COLUMNS));
		}
		var missing = new ArrayList<String>();
		for (var required : List.of("type", "name")) {
			if (!header.containsKey(required)) {
				missing.add(required);
			}
		}
		if (!missing.isEmpty()) {
			throw new ImportRejected("client.import.header.missing", String.join(", ", missing),
					String.join(",", COLUMNS));
		}
		return header;
	}

	private static boolean isBlank(CSVRecord record) {
		for (var value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** Undoes the export's protection against spreadsheet formulas: a quote before = + - @, a tab or a CR. */
	static String unprotect(String value) {
		if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
			return value.substring(1);
		}
		return value;
	}

	/** Keeps what a message quotes from the file short. */
	private static String clip(String value) {
		if (value == null) {
			return "";
		}
		return value.length() <= 60 ? value : value.substring(0, 57) + "...";
	}

	/** One line of the file, read and checked. */
	private static final class Row {

		final int line;
		final CSVRecord record;
		final Map<String, Integer> header;
		final List<ImportProblem> errors = new ArrayList<>();
		final List<NewContact> contacts = new ArrayList<>();
		ClientType type;
		ClientStatus status = ClientStatus.ACTIVE;
		String name;
		String email;
		String phone;
		String notes;

		Row(int line, CSVRecord record, Map<String, Integer> header) {
			this.line = line;
			this.record = record;
			this.header = header;
		}

		void read() {
			var width = header.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
			for (int i = width; i < record.size(); i++) {
				if (!record.get(i).isBlank()) {
					error("client.import.row.extra-values");
					return;
				}
			}
			var typeValue = value("type");
			if (typeValue == null) {
				error("client.import.row.required", "type");
			}
			else {
				type = switch (typeValue.toLowerCase(Locale.ROOT)) {
					case "individual" -> ClientType.INDIVIDUAL;
					case "business" -> ClientType.BUSINESS;
					default -> {
						error("client.import.row.type", clip(typeValue));
						yield null;
					}
				};
			}
			var statusValue = value("status");
			if (statusValue != null) {
				switch (statusValue.toLowerCase(Locale.ROOT)) {
					case "active" -> status = ClientStatus.ACTIVE;
					case "archived" -> status = ClientStatus.ARCHIVED;
					default -> error("client.import.row.status", clip(statusValue));
				}
			}
			name = required("name", Fields.NAME_MAX);
			email = email("email");
			phone = optional("phone", Fields.PHONE_MAX);
			notes = notes();
			var contactName = optional("contact_name", Fields.NAME_MAX);
			var contactEmail = email("contact_email");
			var contactPhone = optional("contact_phone", Fields.PHONE_MAX);
			if (contactName != null) {
				contacts.add(new NewContact(contactName, contactEmail, contactPhone, null));
			}
			else if (contactEmail != null || contactPhone != null) {
				error("client.import.row.contact-name");
			}
			var list = value("contacts");
			if (list != null) {
				for (var entry : list.split(";")) {
					contact(entry);
				}
			}
		}

		/** One entry of the export's contacts column: {@code Name <address>} or {@code Name}. */
		private void contact(String entry) {
			var text = entry.strip();
			if (text.isEmpty()) {
				return;
			}
			var matcher = NAMED_ADDRESS.matcher(text);
			var contactName = matcher.matches() ? Fields.singleLine(matcher.group(1)) : Fields.singleLine(text);
			var address = matcher.matches() ? Fields.singleLine(matcher.group(2)) : null;
			if (contactName == null) {
				error("client.import.row.contact-name");
				return;
			}
			if (contactName.length() > Fields.NAME_MAX) {
				error("client.import.row.too-long", "contacts", Integer.toString(Fields.NAME_MAX));
				return;
			}
			if (address != null && !Fields.isEmail(Fields.lower(address))) {
				error("client.import.row.email", "contacts", clip(address));
				return;
			}
			contacts.add(new NewContact(contactName, Fields.lower(address), null, null));
		}

		private String value(String column) {
			var index = header.get(column);
			if (index == null || index >= record.size()) {
				return null;
			}
			return Fields.singleLine(unprotect(record.get(index).strip()));
		}

		private String required(String column, int max) {
			var value = value(column);
			if (value == null) {
				error("client.import.row.required", column);
				return null;
			}
			return max(column, value, max);
		}

		private String optional(String column, int max) {
			var value = value(column);
			return value == null ? null : max(column, value, max);
		}

		private String max(String column, String value, int max) {
			if (value.length() > max) {
				error("client.import.row.too-long", column, Integer.toString(max));
				return null;
			}
			return value;
		}

		private String email(String column) {
			var value = optional(column, Fields.EMAIL_MAX);
			if (value != null && !Fields.isEmail(Fields.lower(value))) {
				error("client.import.row.email", column, clip(value));
				return null;
			}
			return Fields.lower(value);
		}

		/** Notes keep their line breaks. */
		private String notes() {
			var index = header.get("notes");
			if (index == null || index >= record.size()) {
				return null;
			}
			var value = unprotect(record.get(index).strip());
			if (value.length() > Fields.NOTES_MAX) {
				error("client.import.row.too-long", "notes", Integer.toString(Fields.NOTES_MAX));
				return null;
			}
			return value.isBlank() ? null : value;
		}

		private void error(String key, String... args) {
			errors.add(new ImportProblem(line, Kind.ERROR, key, Arrays.asList(args)));
		}
	}

	/** The lines of one client: details from the first line (blanks filled in by later ones), contacts of all. */
	private static final class ClientRows {

		final int line;
		final ClientType type;
		final String name;
		final ClientStatus status;
		String email;
		String phone;
		String notes;
		final Map<String, NewContact> contacts = new LinkedHashMap<>();

		ClientRows(int line, Row row) {
			this.line = line;
			this.type = row.type;
			this.name = row.name;
			this.status = row.status;
			this.email = row.email;
			this.phone = row.phone;
			this.notes = row.notes;
		}

		void fillIn(Row row) {
			email = email != null ? email : row.email;
			phone = phone != null ? phone : row.phone;
			notes = notes != null ? notes : row.notes;
		}

		/** False when the same person (name and address) is on an earlier line already. */
		boolean add(NewContact contact) {
			var key = Fields.lower(contact.name()) + "\u0000" + (contact.email() == null ? "" : contact.email());
			return contacts.putIfAbsent(key, contact) == null;
		}

		ImportedClient client() {
			return new ImportedClient(line, type, name, email, phone, notes, status, List.copyOf(contacts.values()));
		}
	}

	/** Finds the line of a character position, counting \n, \r\n and a lone \r as line ends. */
	private static final class LineIndex {

		private final String text;
		private final int[] starts;

		LineIndex(String text) {
			this.text = text;
			var found = new ArrayList<Integer>();
			found.add(0);
			for (int i = 0; i < text.length(); i++) {
				var c = text.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
					found.add(i + 1);
				}
			}
			starts = found.stream().mapToInt(Integer::intValue).toArray();
		}

		/** The line of a record starting at {@code position}; the parser counts skipped empty lines into a record. */
		int lineOf(long position) {
			var at = (int) position;
			while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
				at++;
			}
			var index = Arrays.binarySearch(starts, at);
			return (index >= 0 ? index : -index - 2) + 1;
		}
	}
}

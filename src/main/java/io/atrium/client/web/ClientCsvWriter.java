package io.atrium.client.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.atrium.client.ClientWithContacts;
import io.atrium.client.ContactView;

/**
 * Writes clients as CSV, one row per client as each arrives. The header names are the import's own column names,
 * so that an export can be imported into another firm as it is.
 */
class ClientCsvWriter {

	static final String[] HEADER = { "type", "name", "email", "phone", "status", "created", "contacts" };

	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final CSVPrinter printer;

	/** Starts with a byte order mark, which spreadsheet programs need to read UTF-8 names correctly. */
	ClientCsvWriter(Writer out) throws IOException {
		out.write('\uFEFF');
		this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
		printer.printRecord((Object[]) HEADER);
	}

	void write(ClientWithContacts row) {
		var client = row.client();
		try {
			printer.printRecord(lower(client.type()), safe(client.name()), safe(client.email()), safe(client.phone()),
					lower(client.status()), CREATED.format(client.createdAt()),
					safe(row.contacts().stream().map(ClientCsvWriter::contact).collect(Collectors.joining("; "))));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void flush() throws IOException {
		printer.flush();
	}

	private static String contact(ContactView contact) {
		// a ; or <> inside a name would read back as a separator, so it is left out of the list's notation
		var name = contact.name().replace(';', ',').replace('<', '(').replace('>', ')');
		return contact.email() == null ? name : name + " <" + contact.email() + ">";
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, and names and
	 * phone numbers are typed by people, or by clients through the portal. A leading quote makes such a cell plain
	 * text (OWASP's advice on CSV injection); the import takes it off again.
	 */
	static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}
}

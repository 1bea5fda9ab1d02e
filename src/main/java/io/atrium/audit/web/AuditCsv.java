package io.atrium.audit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

import io.atrium.audit.AuditEntryView;

/** Writes audit entries as CSV, one row as each arrives. */
class AuditCsv {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String[] HEADERS = { "audit.csv.time", "audit.csv.actor", "audit.csv.actor-id",
			"audit.csv.action", "audit.csv.action-code", "audit.csv.subject", "audit.csv.summary", "audit.csv.ip",
			"audit.csv.user-agent" };

	private final CSVPrinter printer;
	private final MessageSource messages;
	private final Locale locale;

	/** Starts with a byte order mark, which spreadsheet programs need to read UTF-8 names correctly. */
	AuditCsv(Writer out, MessageSource messages, Locale locale) throws IOException {
		this.messages = messages;
		this.locale = locale;
		out.write('\uFEFF');
		this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
		var headers = new String[HEADERS.length];
		for (int i = 0; i < HEADERS.length; i++) {
			headers[i] = messages.getMessage(HEADERS[i], null, locale);
		}
		printer.printRecord((Object[]) headers);
	}

	void write(AuditEntryView entry) {
		try {
			printer.printRecord(TIME.format(entry.time()), safe(entry.actorLabel()),
					entry.actorId() == null ? "" : entry.actorId().toString(),
					safe(messages.getMessage(entry.actionLabelKey(), null, entry.action(), locale)),
					safe(entry.action()), safe(entry.subjectId()), safe(entry.summary()), safe(entry.ip()),
					safe(entry.userAgent()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void flush() throws IOException {
		printer.flush();
	}

	/**
	 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a formula, and
	 * actor labels and summaries hold what strangers typed, such as the address in a failed sign-in. A leading
	 * quote makes such a cell plain text (OWASP's advice on CSV injection).
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

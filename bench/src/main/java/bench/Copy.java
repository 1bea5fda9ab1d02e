package bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.postgresql.PGConnection;

/** One PostgreSQL COPY ... FROM STDIN in text format, fed row by row and flushed in 1 MiB chunks. */
final class Copy implements AutoCloseable {

	private final Connection connection;
	private final String sql;
	private final String table;
	private final StringBuilder row = new StringBuilder(256);
	private final Path spool;
	private final OutputStream out;
	private long rows;
	private boolean first = true;

	/**
	 * Rows are spooled to a temporary file and sent in one COPY on {@link #close()}: one connection carries one
	 * COPY at a time, and a document and its versions are written side by side.
	 */
	Copy(Connection connection, String table, String columns) throws SQLException {
		this.connection = connection;
		this.table = table;
		this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
		try {
			this.spool = Files.createTempFile("bench-copy-" + table, ".tsv");
			this.out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 20);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Copy add(Object value) {
		if (!first) {
			row.append('\t');
		}
		first = false;
		if (value == null) {
			row.append("\\N");
		}
		else if (value instanceof Instant instant) {
			row.append(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
		else if (value instanceof UUID || value instanceof Number || value instanceof Boolean
				|| value instanceof LocalDate) {
			row.append(value);
		}
		else {
			var s = value.toString();
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '\\' -> row.append("\\\\");
					case '\t' -> row.append("\\t");
					case '\n' -> row.append("\\n");
					case '\r' -> row.append("\\r");
					default -> row.append(c);
				}
			}
		}
		return this;
	}

	Copy row(Object... values) throws SQLException {
		for (var v : values) {
			add(v);
		}
		return end();
	}

	Copy end() throws SQLException {
		row.append('\n');
		try {
			out.write(row.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		row.setLength(0);
		first = true;
		rows++;
		return this;
	}

	long rows() {
		return rows;
	}

	String table() {
		return table;
	}

	@Override
	public void close() throws SQLException {
		try {
			out.close();
			try (InputStream in = new BufferedInputStream(Files.newInputStream(spool), 1 << 20)) {
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in, 1 << 20);
			}
			Files.delete(spool);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

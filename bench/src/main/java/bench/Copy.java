package bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** One PostgreSQL COPY ... FROM STDIN in text format, fed row by row and flushed in 1 MiB chunks. */
final class Copy implements AutoCloseable {

	private final CopyIn in;
	private final String table;
	private final StringBuilder row = new StringBuilder(256);
	private byte[] buffer = new byte[1 << 20];
	private int used;
	private long rows;
	private boolean first = true;

	Copy(Connection connection, String table, String columns) throws SQLException {
		this.table = table;
		this.in = connection.unwrap(PGConnection.class).getCopyAPI()
			.copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
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
		var bytes = row.toString().getBytes(StandardCharsets.UTF_8);
		row.setLength(0);
		first = true;
		if (used + bytes.length > buffer.length) {
			flush();
			if (bytes.length > buffer.length) {
				buffer = new byte[bytes.length];
			}
		}
		System.arraycopy(bytes, 0, buffer, used, bytes.length);
		used += bytes.length;
		rows++;
		return this;
	}

	private void flush() throws SQLException {
		if (used > 0) {
			in.writeToCopy(buffer, 0, used);
			used = 0;
		}
	}

	long rows() {
		return rows;
	}

	String table() {
		return table;
	}

	@Override
	public void close() throws SQLException {
		flush();
		in.endCopy();
	}
}

package io.atrium.client;

import java.util.List;

/**
 * Something wrong with one line of an imported file: an error (the line is left out) or a duplicate (skipped). The
 * message is {@code messageKey} in the client messages with {@code args}; the line number is always the first.
 */
public record ImportProblem(int line, Kind kind, String messageKey, List<String> args) {

	public enum Kind {
		ERROR, DUPLICATE
	}

	public ImportProblem {
		args = List.copyOf(args);
	}

	/** The message arguments with the line number first (as text: a line number has no thousands separator). */
	public Object[] messageArgs() {
		var all = new Object[args.size() + 1];
		all[0] = Integer.toString(line);
		for (int i = 0; i < args.size(); i++) {
			all[i + 1] = args.get(i);
		}
		return all;
	}

	public boolean isDuplicate() {
		return kind == Kind.DUPLICATE;
	}
}

package io.atrium.client;

/**
 * A file that cannot be imported at all (too large, not UTF-8 text, not CSV, wrong columns): nothing of it is
 * read. The message is {@code messageKey} in the client messages with {@code args}.
 */
public class ImportRejected extends RuntimeException {

	private final String messageKey;
	private final transient Object[] args;

	public ImportRejected(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}
}

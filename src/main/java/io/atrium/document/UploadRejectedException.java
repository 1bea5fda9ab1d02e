package io.atrium.document;

/**
 * An upload that was refused and left nothing behind: too large (413), of a type not on the allow-list (415),
 * empty (400), or cut off before its end (400). {@code messageKey} is the message a person reads.
 */
public class UploadRejectedException extends RuntimeException {

	public enum Reason {

		TOO_LARGE(413), NOT_ALLOWED(415), EMPTY(400), INCOMPLETE(400), BAD_NAME(400);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	private final Reason reason;
	private final Object[] arguments;

	public UploadRejectedException(Reason reason, Object... arguments) {
		super("upload rejected: " + reason);
		this.reason = reason;
		this.arguments = arguments;
	}

	public Reason reason() {
		return reason;
	}

	public int status() {
		return reason.status();
	}

	/** {@code document.upload.too-large} and so on, in messages/document.properties. */
	public String messageKey() {
		return "document.upload." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}

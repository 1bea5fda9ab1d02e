package io.atrium.platform;

/**
 * A request that breaks a rule the person can fix: a taken address, a weak password, the last Owner. Carries the
 * form field it concerns (or null) and a message key; pages show it next to the field, the API as a 400/409
 * ProblemDetail.
 */
public class InvalidRequestException extends RuntimeException {

	private final String field;
	private final String messageKey;

	public InvalidRequestException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}
}

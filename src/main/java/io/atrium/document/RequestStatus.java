package io.atrium.document;

/**
 * Where a document request stands: open (waiting for the client), submitted (the client uploaded), not applicable
 * (the client said so, with a reason), accepted (staff are satisfied). Staff may reopen a submitted or not
 * applicable request, which makes it open again.
 */
public enum RequestStatus {

	OPEN, SUBMITTED, NOT_APPLICABLE, ACCEPTED;

	/** Waiting for the client. */
	public boolean outstanding() {
		return this == OPEN;
	}
}

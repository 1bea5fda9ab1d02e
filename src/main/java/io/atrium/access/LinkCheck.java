package io.atrium.access;

/**
 * Where a single-use portal link stands, found without spending it (for the confirm page a GET shows). A link
 * superseded by a newer one counts as used; a link of another firm, purpose or shape is unknown.
 */
public enum LinkCheck {
	VALID, EXPIRED, USED, UNKNOWN
}

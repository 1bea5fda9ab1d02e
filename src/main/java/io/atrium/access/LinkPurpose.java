package io.atrium.access;

/** What a single-use portal link is for. */
public enum LinkPurpose {
	INVITATION, MAGIC_LINK, PASSWORD_RESET
}

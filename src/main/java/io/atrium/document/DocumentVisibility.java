package io.atrium.document;

/** Who sees a document: the client in the portal (inside a shared engagement, or at client level), or the firm only. */
public enum DocumentVisibility {

	CLIENT, FIRM
}

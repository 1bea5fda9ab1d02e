package io.atrium.client.web;

import java.util.Locale;

/**
 * The tabs of a client's page, in the order they are shown; a new tab is added here and as a section of
 * {@code client/detail.html}. Tabs whose content belongs to another module load it from that module's address.
 */
enum ClientTab {

	INFO, CONTACTS, ENGAGEMENTS, DOCUMENTS, REQUESTS, MESSAGES, NOTES, PORTAL;

	/** The tab's name in addresses ({@code ?tab=contacts}) and in message keys ({@code client.tab.contacts}). */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The tab asked for; the first tab for anything else. */
	static ClientTab of(String value) {
		for (var tab : values()) {
			if (tab.key().equalsIgnoreCase(value == null ? "" : value.strip())) {
				return tab;
			}
		}
		return INFO;
	}
}

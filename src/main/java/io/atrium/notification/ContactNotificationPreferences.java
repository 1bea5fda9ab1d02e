package io.atrium.notification;

/**
 * What a contact wants to be emailed about: documents and notes shared with them ({@code sharedItems}), requests
 * from the firm ({@code requests}), and messages and replies ({@code messages}). All on unless the contact says no.
 */
public record ContactNotificationPreferences(boolean sharedItems, boolean requests, boolean messages) {

	public static final ContactNotificationPreferences ALL = new ContactNotificationPreferences(true, true, true);

	boolean allows(ActivityKind.Topic topic) {
		return switch (topic) {
			case SHARED_ITEMS -> sharedItems;
			case REQUESTS -> requests;
			case MESSAGES -> messages;
		};
	}
}

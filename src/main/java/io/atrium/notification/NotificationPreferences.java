package io.atrium.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.client.ContactId;
import io.atrium.firm.FirmId;

/**
 * Each contact's choice of emails about the portal, from the portal's Notifications page. A contact who never
 * chose gets everything. The caller vouches for the contact (the portal passes the signed-in membership's).
 */
@Service
public class NotificationPreferences {

	private final JdbcClient jdbc;
	private final Clock clock;

	NotificationPreferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ContactNotificationPreferences of(FirmId firm, ContactId contact) {
		return jdbc.sql("""
				select shared_items, requests, messages from notification_preference
				where firm_id = :firm and contact_id = :contact""")
			.param("firm", firm.value())
			.param("contact", contact.value())
			.query((rs, n) -> new ContactNotificationPreferences(rs.getBoolean("shared_items"),
					rs.getBoolean("requests"), rs.getBoolean("messages")))
			.optional()
			.orElse(ContactNotificationPreferences.ALL);
	}

	@Transactional
	public ContactNotificationPreferences save(FirmId firm, ContactId contact, ContactNotificationPreferences choice) {
		var now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("""
				update notification_preference set shared_items = :shared, requests = :requests, messages = :messages,
				  updated_at = :now
				where firm_id = :firm and contact_id = :contact""")
			.param("shared", choice.sharedItems())
			.param("requests", choice.requests())
			.param("messages", choice.messages())
			.param("now", now)
			.param("firm", firm.value())
			.param("contact", contact.value())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into notification_preference (firm_id, contact_id, shared_items, requests, messages, updated_at)
					values (:firm, :contact, :shared, :requests, :messages, :now)""")
				.param("firm", firm.value())
				.param("contact", contact.value())
				.param("shared", choice.sharedItems())
				.param("requests", choice.requests())
				.param("messages", choice.messages())
				.param("now", now)
				.update();
		}
		return choice;
	}

	/** The choices of several contacts at once; contacts without a row are missing from the answer (all on). */
	Map<ContactId, ContactNotificationPreferences> of(FirmId firm, Collection<ContactId> contacts) {
		var result = new HashMap<ContactId, ContactNotificationPreferences>();
		if (contacts.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select contact_id, shared_items, requests, messages from notification_preference
				where firm_id = :firm and contact_id in (:contacts)""")
			.param("firm", firm.value())
			.param("contacts", contacts.stream().map(ContactId::value).toList())
			.query((rs, n) -> Map.entry(new ContactId(rs.getObject("contact_id", UUID.class)),
					new ContactNotificationPreferences(rs.getBoolean("shared_items"), rs.getBoolean("requests"),
							rs.getBoolean("messages"))))
			.list()
			.forEach(e -> result.put(e.getKey(), e.getValue()));
		return result;
	}
}

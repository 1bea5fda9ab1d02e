package io.atrium.messaging;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.atrium.access.PortalMembership;
import io.atrium.firm.FirmId;
import io.atrium.portal.PortalWaiting;
import io.atrium.portal.WaitingItem;

/** Conversations with messages the contact has not read yet, on the portal home. */
@Component
class PortalMessagesWaiting implements PortalWaiting {

	private final PortalMessaging messaging;
	private final MessageSource messages;

	PortalMessagesWaiting(PortalMessaging messaging, MessageSource messages) {
		this.messaging = messaging;
		this.messages = messages;
	}

	@Override
	public List<WaitingItem> waitingFor(FirmId firm, String slug, PortalMembership who) {
		return messaging.unreadConversations(firm, who)
			.stream()
			.map(c -> new WaitingItem("message", c.subject(),
					messages.getMessage("messaging.waiting.unread", new Object[] { c.unread() },
							LocaleContextHolder.getLocale()),
					"/p/" + slug + "/messages/" + c.id(), null, c.lastMessageAt()))
			.toList();
	}
}

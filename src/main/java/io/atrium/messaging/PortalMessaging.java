package io.atrium.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.access.PortalCapability;
import io.atrium.access.PortalMembership;
import io.atrium.document.DocumentId;
import io.atrium.document.DocumentView;
import io.atrium.document.PortalDocuments;
import io.atrium.document.Upload;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.SharedCase;
import io.atrium.firm.FirmId;
import io.atrium.messaging.ConversationStore.Reader;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;

/**
 * The client's side of messaging, for a contact acting as {@code who} in the firm's portal: the conversations of
 * their client ("Send a request" starts one), replies with files (for roles that may upload), unread markers per
 * contact, and the notes the firm shared. Anything of another client or firm, or not shared, is not found (404).
 */
@Service
public class PortalMessaging {

	private final ConversationStore conversations;
	private final NoteStore notes;
	private final EngagementManagement engagements;
	private final PortalDocuments documents;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PortalMessaging(ConversationStore conversations, NoteStore notes, EngagementManagement engagements,
			PortalDocuments documents, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.notes = notes;
		this.engagements = engagements;
		this.documents = documents;
		this.events = events;
		this.clock = clock;
	}

	/** The client's conversations, latest activity first, with what this contact has not read. */
	@Transactional(readOnly = true)
	public List<ConversationSummary> conversations(FirmId firm, PortalMembership who) {
		signedIn(who);
		var names = sharedNames(firm, who);
		return conversations.ofClient(firm, who.client(), Reader.CONTACT, who.contact().value())
			.stream()
			.map(s -> s.named(names))
			.toList();
	}

	/**
	 * The client's conversations with messages this contact has not read, latest activity first, without the names
	 * of their cases: the portal home's "Waiting for you" (one statement, no transaction of its own).
	 */
	public List<ConversationSummary> unreadConversations(FirmId firm, PortalMembership who) {
		signedIn(who);
		return conversations.ofClient(firm, who.client(), Reader.CONTACT, who.contact().value())
			.stream()
			.map(s -> s.named(Map.of()))
			.filter(ConversationSummary::isUnread)
			.toList();
	}

	/** Messages in the client's conversations this contact has not read: for the portal's home and menu. */
	@Transactional(readOnly = true)
	public int unreadCount(FirmId firm, PortalMembership who) {
		if (!who.can(PortalCapability.VIEW)) {
			return 0;
		}
		return conversations.unread(firm, who.client(), Reader.CONTACT, who.contact().value());
	}

	/** The shared engagements ("cases") a request may be about. */
	@Transactional(readOnly = true)
	public List<EngagementOption> cases(FirmId firm, PortalMembership who) {
		signedIn(who);
		return engagements.sharedCases(firm, who.client())
			.stream()
			.map(c -> new EngagementOption(c.id(), c.name()))
			.toList();
	}

	/**
	 * "Send a request": a new conversation of the client, optionally about one of its shared cases, with a first
	 * message and its files (only for roles that may upload: 403). All of it is stored, or nothing.
	 */
	@Transactional
	public ConversationId sendRequest(FirmId firm, PortalMembership who, EngagementId engagement, String subject,
			String text, List<Upload> files) {
		signedIn(who);
		var title = Texts.subject(subject);
		var body = Texts.message(text);
		mayAttach(who, files);
		if (engagement != null && engagements.sharedCase(firm, who.client(), engagement).isEmpty()) {
			throw new InvalidRequestException("engagementId", "messaging.engagement.unknown");
		}
		var conversation = new ConversationStore.Conversation(new ConversationId(UUID.randomUUID()), firm,
				who.client(), engagement, title, 0);
		conversations.create(conversation, null, who.contact(), who.contactName(), clock.instant());
		post(firm, who, conversation, body, files, true);
		return conversation.id();
	}

	/** The thread, oldest message first; opening it marks it read for this contact. */
	@Transactional
	public ConversationThread open(FirmId firm, PortalMembership who, ConversationId id) {
		var conversation = find(firm, who, id);
		var me = who.contact().value();
		var lastRead = conversations.lastRead(Reader.CONTACT, id, me);
		var messages = conversations.messages(id);
		var files = messages.stream().anyMatch(m -> !m.documents().isEmpty())
				? byId(documents.conversationDocuments(firm, who, id.value()))
				: Map.<DocumentId, DocumentView>of();
		var thread = Texts.thread(messages, lastRead, m -> who.contact().equals(m.contact()), files);
		conversations.markRead(Reader.CONTACT, id, me, conversation.lastSeq());
		var engagementName = conversation.engagement() == null ? null
				: sharedNames(firm, who).get(conversation.engagement());
		return new ConversationThread(id, who.client(), who.clientName(), conversation.subject(),
				engagementName == null ? null : conversation.engagement(), engagementName, thread,
				who.can(PortalCapability.UPLOAD));
	}

	/** A reply of this contact, with its files (roles that may upload): stored whole or not at all. */
	@Transactional
	public void reply(FirmId firm, PortalMembership who, ConversationId id, String text, List<Upload> files) {
		var conversation = find(firm, who, id);
		var body = Texts.message(text);
		mayAttach(who, files);
		post(firm, who, conversation, body, files, false);
	}

	/** Shared notes of one shared case of the client; not found when the case is not shared or not theirs. */
	@Transactional(readOnly = true)
	public List<SharedNote> caseNotes(FirmId firm, PortalMembership who, EngagementId engagement) {
		signedIn(who);
		if (engagements.sharedCase(firm, who.client(), engagement).isEmpty()) {
			throw new NotFoundException("case");
		}
		return shared(notes.visibleInPortal(firm, who.client(), engagement));
	}

	/** Shared notes on the client itself (not on a case). */
	@Transactional(readOnly = true)
	public List<SharedNote> clientNotes(FirmId firm, PortalMembership who) {
		signedIn(who);
		return shared(notes.visibleInPortal(firm, who.client(), null));
	}

	private void post(FirmId firm, PortalMembership who, ConversationStore.Conversation conversation, String body,
			List<Upload> files, boolean opened) {
		var message = conversations.append(conversation.id(), body, null, who.contact(), who.contactName(),
				clock.instant());
		var attached = 0;
		for (var upload : files == null ? List.<Upload>of() : files) {
			var document = documents.attach(firm, who, conversation.id().value(), upload);
			conversations.attach(message.id(), document.id(), attached++);
		}
		conversations.markRead(Reader.CONTACT, conversation.id(), who.contact().value(), message.seq());
		events.publishEvent(new MessagePosted(firm, who.client(), conversation.engagement(), conversation.id(),
				conversation.subject(), Texts.excerpt(body), attached, opened, null, who.contact(),
				who.contactName()));
	}

	private ConversationStore.Conversation find(FirmId firm, PortalMembership who, ConversationId id) {
		signedIn(who);
		return conversations.find(firm, id)
			.filter(c -> c.client().equals(who.client()))
			.orElseThrow(() -> new NotFoundException("conversation"));
	}

	/** Viewers may write but not attach files. */
	private static void mayAttach(PortalMembership who, List<Upload> files) {
		Texts.files(files);
		if (files != null && !files.isEmpty() && !who.can(PortalCapability.UPLOAD)) {
			throw new AccessDeniedException("this role may not upload");
		}
	}

	/** Notify-only contacts never sign in; nothing here exists for them. */
	private static void signedIn(PortalMembership who) {
		if (!who.can(PortalCapability.VIEW)) {
			throw new NotFoundException("messages");
		}
	}

	private Map<EngagementId, String> sharedNames(FirmId firm, PortalMembership who) {
		var names = new HashMap<EngagementId, String>();
		for (SharedCase c : engagements.sharedCases(firm, who.client())) {
			names.put(c.id(), c.name());
		}
		return names;
	}

	private static List<SharedNote> shared(List<NoteStore.Note> list) {
		return list.stream().map(n -> new SharedNote(n.id(), n.body(), n.authorName(), n.createdAt())).toList();
	}

	private static Map<DocumentId, DocumentView> byId(List<DocumentView> documents) {
		return Messaging.byId(documents);
	}
}

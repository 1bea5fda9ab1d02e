package io.atrium.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.atrium.client.ClientId;
import io.atrium.client.ClientManagement;
import io.atrium.client.ClientView;
import io.atrium.document.DocumentId;
import io.atrium.document.DocumentManagement;
import io.atrium.document.DocumentView;
import io.atrium.document.Upload;
import io.atrium.engagement.EngagementId;
import io.atrium.engagement.EngagementManagement;
import io.atrium.engagement.PortalItemShared;
import io.atrium.engagement.SharedItemKind;
import io.atrium.messaging.ConversationStore.Reader;
import io.atrium.platform.InvalidRequestException;
import io.atrium.platform.NotFoundException;
import io.atrium.staff.StaffPrincipal;

/**
 * The firm's side of messaging: a client's conversations, starting one, reading and replying (with files, which
 * become documents of the conversation), unread markers per staff member, and notes on clients and engagements.
 * Every method first checks that the viewer sees the client ({@link ClientManagement#get}): a client, conversation
 * or note they may not see does not exist for them (404).
 */
@Service
public class Messaging {

	private final ConversationStore conversations;
	private final NoteStore notes;
	private final ClientManagement clients;
	private final EngagementManagement engagements;
	private final DocumentManagement documents;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Messaging(ConversationStore conversations, NoteStore notes, ClientManagement clients,
			EngagementManagement engagements, DocumentManagement documents,
			ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.notes = notes;
		this.clients = clients;
		this.engagements = engagements;
		this.documents = documents;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- conversations

	/** The client's conversations, latest activity first, with what the viewer has not read. */
	@Transactional(readOnly = true)
	public ClientConversations conversations(StaffPrincipal viewer, ClientId clientId) {
		var client = clients.get(viewer, clientId);
		var options = engagementOptions(viewer, client.id());
		var names = names(options);
		var list = conversations.ofClient(viewer.firm(), client.id(), Reader.STAFF, viewer.id().value())
			.stream()
			.map(s -> s.named(names))
			.toList();
		return new ClientConversations(client.id(), client.name(), list, options);
	}

	/** Messages in the client's conversations the viewer has not read. */
	@Transactional(readOnly = true)
	public int unreadCount(StaffPrincipal viewer, ClientId clientId) {
		var client = clients.get(viewer, clientId);
		return conversations.unread(viewer.firm(), client.id(), Reader.STAFF, viewer.id().value());
	}

	/**
	 * Starts a conversation with the client, optionally about one of its engagements, with a first message and its
	 * files. All of it is stored, or (a file refused, a field wrong) nothing.
	 */
	@Transactional
	public ConversationId start(StaffPrincipal viewer, ClientId clientId, EngagementId engagement, String subject,
			String text, List<Upload> files) {
		var client = clients.get(viewer, clientId);
		var title = Texts.subject(subject);
		var body = Texts.message(text);
		Texts.files(files);
		if (engagement != null && !names(engagementOptions(viewer, client.id())).containsKey(engagement)) {
			throw new InvalidRequestException("engagementId", "messaging.engagement.unknown");
		}
		var conversation = new ConversationStore.Conversation(new ConversationId(UUID.randomUUID()), viewer.firm(),
				client.id(), engagement, title, 0);
		conversations.create(conversation, viewer.id(), null, viewer.name(), clock.instant());
		post(viewer, client, conversation, body, files, true);
		return conversation.id();
	}

	/** The thread, oldest message first; opening it marks it read for the viewer. */
	@Transactional
	public ConversationThread open(StaffPrincipal viewer, ConversationId id) {
		var conversation = conversations.find(viewer.firm(), id).orElseThrow(() -> new NotFoundException("conversation"));
		var client = clients.get(viewer, conversation.client());
		var me = viewer.id().value();
		var lastRead = conversations.lastRead(Reader.STAFF, id, me);
		var messages = conversations.messages(id);
		var files = messages.stream().anyMatch(m -> !m.documents().isEmpty())
				? byId(documents.conversationDocuments(viewer, client.id(), id.value())) : Map.<DocumentId, DocumentView>of();
		var thread = Texts.thread(messages, lastRead, m -> viewer.id().equals(m.staff()), files);
		conversations.markRead(Reader.STAFF, id, me, conversation.lastSeq());
		var engagementName = conversation.engagement() == null ? null
				: engagements.ref(viewer.firm(), conversation.engagement()).map(e -> e.name()).orElse(null);
		return new ConversationThread(id, client.id(), client.name(), conversation.subject(),
				conversation.engagement(), engagementName, thread, true);
	}

	/** A reply in the conversation, with its files: stored whole or not at all. */
	@Transactional
	public void reply(StaffPrincipal viewer, ConversationId id, String text, List<Upload> files) {
		var conversation = conversations.find(viewer.firm(), id).orElseThrow(() -> new NotFoundException("conversation"));
		var client = clients.get(viewer, conversation.client());
		var body = Texts.message(text);
		Texts.files(files);
		post(viewer, client, conversation, body, files, false);
	}

	private void post(StaffPrincipal viewer, ClientView client, ConversationStore.Conversation conversation,
			String body, List<Upload> files, boolean opened) {
		var message = conversations.append(conversation.id(), body, viewer.id(), null, viewer.name(), clock.instant());
		var attached = 0;
		for (var upload : files == null ? List.<Upload>of() : files) {
			var document = documents.attach(viewer, client.id(), conversation.id().value(), upload);
			conversations.attach(message.id(), document.id(), attached++);
		}
		conversations.markRead(Reader.STAFF, conversation.id(), viewer.id().value(), message.seq());
		events.publishEvent(new MessagePosted(viewer.firm(), client.id(), conversation.engagement(), conversation.id(),
				conversation.subject(), Texts.excerpt(body), attached, opened, viewer.id(), null, viewer.name()));
	}

	// ---------------------------------------------------------------- notes

	/** All notes of the client, on it and on its engagements, newest first. */
	@Transactional(readOnly = true)
	public ClientNotes clientNotes(StaffPrincipal viewer, ClientId clientId) {
		var client = clients.get(viewer, clientId);
		var options = engagementOptions(viewer, client.id());
		var names = names(options);
		var list = notes.of(viewer.firm(), client.id(), null).stream().map(n -> view(viewer, n, names)).toList();
		return new ClientNotes(client.id(), client.name(), null, null, list, options);
	}

	/** The notes on one engagement, newest first. */
	@Transactional(readOnly = true)
	public ClientNotes engagementNotes(StaffPrincipal viewer, EngagementId engagementId) {
		var engagement = engagements.ref(viewer.firm(), engagementId)
			.orElseThrow(() -> new NotFoundException("engagement"));
		var client = clients.get(viewer, engagement.client());
		var names = Map.of(engagement.id(), engagement.name());
		var list = notes.of(viewer.firm(), client.id(), engagement.id()).stream().map(n -> view(viewer, n, names)).toList();
		return new ClientNotes(client.id(), client.name(), engagement.id(), engagement.name(), list,
				List.of(new EngagementOption(engagement.id(), engagement.name())));
	}

	/**
	 * A note on the client, or on one of its engagements; {@code shared}: shown read-only in the portal (when its
	 * engagement, if any, is shared too: then the client's contacts are told).
	 */
	@Transactional
	public NoteView addNote(StaffPrincipal viewer, ClientId clientId, EngagementId engagementId, String text,
			boolean shared) {
		var client = clients.get(viewer, clientId);
		var body = Texts.note(text);
		String engagementName = null;
		if (engagementId != null) {
			var engagement = engagements.ref(viewer.firm(), engagementId)
				.filter(e -> e.client().equals(client.id()))
				.orElseThrow(() -> new InvalidRequestException("engagementId", "messaging.engagement.unknown"));
			engagementName = engagement.name();
		}
		var note = new NoteStore.Note(new NoteId(UUID.randomUUID()), viewer.firm(), client.id(), engagementId, body,
				shared, viewer.id(), viewer.name(), clock.instant());
		notes.add(note);
		if (shared) {
			announce(viewer, note);
		}
		return view(viewer, note, engagementId == null ? Map.of() : Map.of(engagementId, engagementName));
	}

	/** Shares the note with the portal or takes it out (its author, Owners and Admins). */
	@Transactional
	public NoteView shareNote(StaffPrincipal viewer, NoteId id, boolean shared) {
		var note = manageable(viewer, id);
		if (note.shared() != shared) {
			notes.share(id, shared, clock.instant());
			if (shared) {
				announce(viewer, note);
			}
		}
		var changed = new NoteStore.Note(note.id(), note.firm(), note.client(), note.engagement(), note.body(), shared,
				note.author(), note.authorName(), note.createdAt());
		return view(viewer, changed, engagementName(viewer, note));
	}

	/** Deletes the note (its author, Owners and Admins); returns it as it was. */
	@Transactional
	public NoteView deleteNote(StaffPrincipal viewer, NoteId id) {
		var note = manageable(viewer, id);
		notes.delete(id);
		return view(viewer, note, engagementName(viewer, note));
	}

	private NoteStore.Note manageable(StaffPrincipal viewer, NoteId id) {
		var note = notes.find(viewer.firm(), id).orElseThrow(() -> new NotFoundException("note"));
		clients.get(viewer, note.client());
		if (!mayManage(viewer, note)) {
			throw new AccessDeniedException("not the note's author");
		}
		return note;
	}

	/** Tells the client (through the portal's notifications) when the note is now visible there. */
	private void announce(StaffPrincipal viewer, NoteStore.Note note) {
		if (note.engagement() != null && !engagements.ref(viewer.firm(), note.engagement())
			.map(e -> e.sharedInPortal())
			.orElse(false)) {
			return;
		}
		events.publishEvent(new PortalItemShared(viewer.firm(), note.client(), note.engagement(), SharedItemKind.NOTE,
				note.id().value(), Texts.firstLine(note.body()), viewer.id()));
	}

	private Map<EngagementId, String> engagementName(StaffPrincipal viewer, NoteStore.Note note) {
		if (note.engagement() == null) {
			return Map.of();
		}
		var names = new HashMap<EngagementId, String>();
		engagements.ref(viewer.firm(), note.engagement()).ifPresent(e -> names.put(e.id(), e.name()));
		return names;
	}

	private static boolean mayManage(StaffPrincipal viewer, NoteStore.Note note) {
		return viewer.managesFirm() || viewer.id().equals(note.author());
	}

	private static NoteView view(StaffPrincipal viewer, NoteStore.Note note, Map<EngagementId, String> names) {
		return new NoteView(note.id(), note.client(), note.engagement(),
				note.engagement() == null ? null : names.get(note.engagement()), note.body(), note.shared(),
				note.authorName(), note.createdAt(), mayManage(viewer, note));
	}

	private List<EngagementOption> engagementOptions(StaffPrincipal viewer, ClientId client) {
		return engagements.engagements(viewer, client)
			.engagements()
			.stream()
			.map(e -> new EngagementOption(e.id(), e.name()))
			.toList();
	}

	private static Map<EngagementId, String> names(List<EngagementOption> options) {
		var names = new LinkedHashMap<EngagementId, String>();
		options.forEach(o -> names.put(o.id(), o.name()));
		return names;
	}

	static Map<DocumentId, DocumentView> byId(List<DocumentView> documents) {
		var map = new HashMap<DocumentId, DocumentView>();
		documents.forEach(d -> map.put(d.id(), d));
		return map;
	}
}

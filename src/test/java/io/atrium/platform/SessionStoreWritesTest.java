package io.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import io.atrium.platform.SessionStoreWrites.Touched;

/**
 * The session store wrapper: the last-access time is written only when it has moved by the touch interval, other
 * changes always; within a request's scope a session this request saved is not read back from the store.
 */
class SessionStoreWritesTest {

	private static final Duration INTERVAL = Duration.ofMinutes(1);
	private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	private final CountingStore store = new CountingStore();
	private final SessionStoreWrites.Repository<MapSession> sessions = new SessionStoreWrites.Repository<>(store,
			INTERVAL);

	@Test
	void aLastAccessLessThanTheIntervalLaterIsNotWritten() {
		var session = sessions.findById(stored("s-1", T0).getId());
		session.setLastAccessedTime(T0.plus(INTERVAL).minusMillis(1));
		sessions.save(session);
		assertThat(store.sessions.get("s-1").getLastAccessedTime()).isEqualTo(T0);
	}

	@Test
	void aLastAccessAtOrPastTheIntervalIsWritten() {
		var session = sessions.findById(stored("s-1", T0).getId());
		session.setLastAccessedTime(T0.plus(INTERVAL));
		sessions.save(session);
		assertThat(store.sessions.get("s-1").getLastAccessedTime()).isEqualTo(T0.plus(INTERVAL));

		var later = sessions.findById("s-1");
		later.setLastAccessedTime(T0.plus(INTERVAL).plusSeconds(30));
		sessions.save(later);
		assertThat(store.sessions.get("s-1").getLastAccessedTime()).as("counted from the time written last")
			.isEqualTo(T0.plus(INTERVAL));
		later.setLastAccessedTime(T0.plus(Duration.ofMinutes(5)));
		sessions.save(later);
		assertThat(store.sessions.get("s-1").getLastAccessedTime()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
	}

	@Test
	void attributeChangesAreSavedEvenWhenTheLastAccessIsNot() {
		var session = sessions.findById(stored("s-1", T0).getId());
		session.setLastAccessedTime(T0.plusSeconds(10));
		session.setAttribute("colour", "teal");
		sessions.save(session);
		var kept = store.sessions.get("s-1");
		assertThat(kept.<String>getAttribute("colour")).isEqualTo("teal");
		assertThat(kept.getLastAccessedTime()).isEqualTo(T0);

		session.removeAttribute("colour");
		sessions.save(session);
		assertThat(store.sessions.get("s-1").getAttributeNames()).isEmpty();
	}

	@Test
	void withinARequestASessionItSavedIsAnsweredFromMemory() throws Exception {
		var saved = new HashMap<String, Touched<MapSession>>();
		inRequest(() -> {
			var session = sessions.createSession();
			session.setAttribute("colour", "teal");
			sessions.save(session);
			saved.put("session", session);
			store.finds = 0;

			assertThat(sessions.findById(session.getId())).isSameAs(session);
			assertThat(store.finds).isZero();
			assertThat(sessions.findById("not-saved-here")).isNull();
			assertThat(store.finds).as("what this request did not save is read from the store").isEqualTo(1);
		});

		var id = saved.get("session").getId();
		store.finds = 0;
		var outside = sessions.findById(id);
		assertThat(store.finds).as("outside any request, the store is asked").isEqualTo(1);
		assertThat(outside).isNotSameAs(saved.get("session"));
		assertThat(outside.<String>getAttribute("colour")).isEqualTo("teal");
	}

	@Test
	void eachRequestRemembersOnlyWhatItSaved() throws Exception {
		var id = new String[1];
		inRequest(() -> {
			var session = sessions.createSession();
			sessions.save(session);
			id[0] = session.getId();
		});
		inRequest(() -> {
			store.finds = 0;
			assertThat(sessions.findById(id[0])).isNotNull();
			assertThat(store.finds).as("saved by an earlier request").isEqualTo(1);
		});
	}

	@Test
	void afterADeleteWithinARequestTheStoreIsAskedAgain() throws Exception {
		inRequest(() -> {
			var session = sessions.createSession();
			sessions.save(session);
			sessions.deleteById(session.getId());
			store.finds = 0;

			assertThat(sessions.findById(session.getId())).isNull();
			assertThat(store.finds).isEqualTo(1);
			assertThat(store.sessions).doesNotContainKey(session.getId());
		});
	}

	@Test
	void aChangedSessionIdIsSavedUnderTheNewIdOnly() throws Exception {
		stored("s-1", T0).setAttribute("colour", "teal");
		inRequest(() -> {
			var session = sessions.findById("s-1");
			var newId = session.changeSessionId();
			assertThat(newId).isNotEqualTo("s-1");
			assertThat(session.getId()).isEqualTo(newId);
			sessions.save(session);

			assertThat(store.sessions).containsOnlyKeys(newId);
			assertThat(store.sessions.get(newId).<String>getAttribute("colour")).isEqualTo("teal");
			assertThat(store.sessions.get(newId).getLastAccessedTime()).isEqualTo(T0);
			store.finds = 0;
			assertThat(sessions.findById(newId)).isSameAs(session);
			assertThat(store.finds).isZero();
		});
		assertThat(sessions.findById("s-1")).isNull();
	}

	@Test
	void aSessionSavedAndThenGivenANewIdIsNoLongerFoundByTheOldOne() throws Exception {
		stored("s-1", T0);
		inRequest(() -> {
			var session = sessions.findById("s-1");
			sessions.save(session);
			var newId = session.changeSessionId();
			sessions.save(session);
			assertThat(sessions.findById(newId)).isSameAs(session);
			assertThat(sessions.findById("s-1")).as("asked of the store, which no longer has it").isNull();
		});
	}

	@Test
	void theSavedSessionsStoreCopyIsWhatAFindReturnsOutsideARequest() {
		var session = sessions.createSession();
		session.setAttribute("colour", "teal");
		assertThat(store.sessions).as("nothing stored before save").isEmpty();
		sessions.save(session);
		session.setAttribute("colour", "red");
		assertThat(sessions.findById(session.getId()).<String>getAttribute("colour")).isEqualTo("teal");
		assertThat(store.saves).isEqualTo(1);
	}

	@Test
	void theStoreLooksSessionsUpWithoutATransactionAndWritesInOne() {
		var manager = new CountingTransactions();
		var transactions = SessionStoreWrites.transactions(manager);
		var inTransaction = new ArrayList<Boolean>();
		var reading = new SessionStoreWrites.Repository<>(new CountingStore() {
			@Override
			public MapSession findById(String id) {
				inTransaction.add(transactions.execute(status -> status.isNewTransaction()));
				return super.findById(id);
			}
		}, INTERVAL);

		reading.findById("s-1");
		assertThat(inTransaction).containsExactly(false);
		assertThat(manager.begun).isZero();

		Boolean write = transactions.execute(status -> status.isNewTransaction());
		assertThat(write).as("a write").isTrue();
		assertThat(manager.begun).isEqualTo(1);
		assertThat(manager.committed).isEqualTo(1);
		assertThat(manager.definition.getPropagationBehavior())
			.isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A transaction manager that counts what it was asked to do. */
	private static final class CountingTransactions
			extends AbstractPlatformTransactionManager {

		int begun;
		int committed;
		TransactionDefinition definition;

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.begun++;
			this.definition = definition;
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.committed++;
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}
	}

	/** A session already in the store, last accessed at {@code lastAccess}. */
	private MapSession stored(String id, Instant lastAccess) {
		var session = new MapSession(id);
		session.setCreationTime(lastAccess);
		session.setLastAccessedTime(lastAccess);
		store.sessions.put(id, session);
		return session;
	}

	/** Runs {@code work} as the chain of the request-scope filter, as a request does. */
	private static void inRequest(Work work) throws Exception {
		SessionStoreWrites.requestScope()
			.getFilter()
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
				try {
					work.run();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;
	}

	/** A session store in a map that keeps copies, as a database does: what is not saved is not stored. */
	private static class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> sessions = new HashMap<>();
		int finds;
		int saves;

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			saves++;
			sessions.remove(session.getOriginalId());
			sessions.put(session.getId(), new MapSession(session));
		}

		@Override
		public MapSession findById(String id) {
			finds++;
			var session = sessions.get(id);
			return session == null ? null : new MapSession(session);
		}

		@Override
		public void deleteById(String id) {
			sessions.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}
	}
}

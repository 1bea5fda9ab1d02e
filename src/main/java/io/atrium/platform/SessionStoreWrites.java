package io.atrium.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Spring Session JDBC, writing and reading only what changed. Measured under load (docs/performance.md), every
 * request of a signed-in person cost two extra statements on the session store:
 * <ul>
 * <li>an {@code update} of the session row, only to move its last-access time forward by the few seconds since the
 * previous request. The time is now written when it has moved by at least {@code touchInterval} (one minute by
 * default): a session idle for its whole timeout still ends, at most one interval early, and a request that changes
 * an attribute writes as before;</li>
 * <li>a second {@code select} of the session, when the response was committed before the request ended: the
 * session filter then commits twice, and the second time looks up the session it had just saved. Within one
 * request, the session saved by this request is answered from memory.</li>
 * </ul>
 * Both live in {@link Repository}, which wraps the store's repository; {@link #requestScope()} bounds what a request
 * remembers to that request. And the store's read of a session, one {@code select}, runs without a transaction of
 * its own ({@link #transactions}): its {@code BEGIN} and {@code COMMIT} were two of the seven statements of a portal
 * page. Saves, which write the session row and its attributes together, keep theirs.
 */
public final class SessionStoreWrites {

	private SessionStoreWrites() {
	}

	/** Wraps the session store's repository, whatever its kind, in a {@link Repository}. */
	public static BeanPostProcessor wrapping(Duration touchInterval) {
		return new BeanPostProcessor() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof FindByIndexNameSessionRepository<?> store && !(bean instanceof Repository<?>)
						? new Repository(store, touchInterval) : bean;
			}
		};
	}

	/** Runs around the session filter: what a request saved is remembered for that request only. */
	public static FilterRegistrationBean<Filter> requestScope() {
		var registration = new FilterRegistrationBean<Filter>(new Filter() {
			@Override
			public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
					throws IOException, ServletException {
				var outer = SAVED.get();
				SAVED.set(new HashMap<>());
				try {
					chain.doFilter(request, response);
				}
				finally {
					SAVED.set(outer);
				}
			}
		});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setName("sessionStoreRequestScope");
		return registration;
	}

	private static final ThreadLocal<Map<String, Session>> SAVED = new ThreadLocal<>();

	/** Set while the store looks a session up: its one statement (or the delete of an expired one) needs no transaction. */
	private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	/**
	 * The session store's transactions: a new one for each write, as Spring Session's own, and none while it looks a
	 * session up.
	 */
	public static TransactionOperations transactions(PlatformTransactionManager manager) {
		var template = new TransactionTemplate(manager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return READING.get() != null ? TransactionOperations.withoutTransaction().execute(action)
						: template.execute(action);
			}
		};
	}

	/** The store's repository, touching sessions at most once an interval and reading none this request saved. */
	public static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Touched<S>> {

		private final FindByIndexNameSessionRepository<S> store;
		private final Duration touchInterval;

		public Repository(FindByIndexNameSessionRepository<S> store, Duration touchInterval) {
			this.store = store;
			this.touchInterval = touchInterval;
		}

		@Override
		public Touched<S> createSession() {
			return new Touched<>(store.createSession(), touchInterval);
		}

		@Override
		public void save(Touched<S> session) {
			store.save(session.stored);
			var saved = SAVED.get();
			if (saved != null) {
				// under its current id only: an id changed since an earlier save is not found any more
				saved.values().removeIf(remembered -> remembered == session);
				saved.put(session.getId(), session);
			}
		}

		@Override
		@SuppressWarnings("unchecked")
		public Touched<S> findById(String id) {
			var saved = SAVED.get();
			if (saved != null && saved.get(id) instanceof Touched<?> remembered) {
				return (Touched<S>) remembered;
			}
			S session;
			READING.set(Boolean.TRUE);
			try {
				session = store.findById(id);
			}
			finally {
				READING.remove();
			}
			return session == null ? null : new Touched<>(session, touchInterval);
		}

		@Override
		public void deleteById(String id) {
			var saved = SAVED.get();
			if (saved != null) {
				saved.remove(id);
			}
			store.deleteById(id);
		}

		@Override
		public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			var found = new LinkedHashMap<String, Touched<S>>();
			store.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> found.put(id, new Touched<>(session, touchInterval)));
			return found;
		}
	}

	/** A stored session whose last-access time moves forward only in steps of at least the touch interval. */
	public static final class Touched<S extends Session> implements Session {

		private final S stored;
		private final Duration touchInterval;

		Touched(S stored, Duration touchInterval) {
			this.stored = stored;
			this.touchInterval = touchInterval;
		}

		@Override
		public void setLastAccessedTime(Instant time) {
			var last = stored.getLastAccessedTime();
			if (last == null || Duration.between(last, time).compareTo(touchInterval) >= 0) {
				stored.setLastAccessedTime(time);
			}
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return stored.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			stored.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			stored.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}
	}
}

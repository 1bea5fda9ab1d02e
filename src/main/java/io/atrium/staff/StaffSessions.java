package io.atrium.staff;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a staff user's sessions on every node: sessions live in the database, indexed by principal name. */
@Component
class StaffSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	void endAll(String email) {
		sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
	}
}

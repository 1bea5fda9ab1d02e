package io.atrium.audit;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.atrium.firm.FirmManagement;
import io.atrium.staff.FirmRole;
import io.atrium.staff.StaffId;
import io.atrium.staff.StaffInvited;
import io.atrium.staff.StaffManagement;
import io.atrium.staff.StaffManagement.NewFirm;
import io.atrium.staff.StaffPrincipal;

/** Firms and staff for audit tests, made through the staff module's own facade. */
public final class AuditFixtures {

	public static final String PASSWORD = "Ledger-Quill-Harbour-2026";

	private AuditFixtures() {
	}

	public static String uniqueSlug() {
		return "audit-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new firm and its Owner, who is active and may sign in. */
	public static StaffPrincipal aFirmOwner(StaffManagement staff, FirmManagement firms) {
		var slug = uniqueSlug();
		var owner = staff.signUp(new NewFirm("Firm " + slug, slug, "Olive Owner", "owner@" + slug + ".example.com",
				PASSWORD, false));
		var firm = firms.findBySlug(slug).orElseThrow().id();
		return new StaffPrincipal(owner.id(), firm, owner.email(), owner.name(), owner.role());
	}

	/** A principal that exists in no database: enough for the facade, refused by the web's session refresh. */
	public static StaffPrincipal aPrincipal(StaffPrincipal colleague, FirmRole role) {
		var id = UUID.randomUUID();
		return new StaffPrincipal(new StaffId(id), colleague.firm(), id + "@example.com", "Pat Someone", role);
	}

	/** Runs {@code work} as if inside an HTTP request from {@code ip} with browser {@code userAgent}. */
	public static <T> T inRequest(String ip, String userAgent, Supplier<T> work) {
		var request = new MockHttpServletRequest("POST", "/somewhere");
		request.setRemoteAddr(ip);
		if (userAgent != null) {
			request.addHeader("User-Agent", userAgent);
		}
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return work.get();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	/** Runs {@code work} with {@code me} signed in on this thread. */
	public static void signedIn(StaffPrincipal me, Runnable work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * A colleague invited by {@code owner} who accepted the invitation; the link token is taken from the recorded
	 * {@link StaffInvited} event, as the invitation email would carry it.
	 */
	public static StaffPrincipal aColleague(StaffManagement staff, ApplicationEvents events, StaffPrincipal owner,
			FirmRole role) {
		var email = "colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		var invited = staff.invite(owner, email, "Cole League", role);
		var token = events.stream(StaffInvited.class)
			.filter(e -> e.staff().equals(invited.id()))
			.reduce((first, second) -> second)
			.orElseThrow()
			.token();
		var accepted = staff.acceptInvitation(token, "Cole League", PASSWORD);
		return new StaffPrincipal(accepted.id(), owner.firm(), accepted.email(), accepted.name(), accepted.role());
	}
}

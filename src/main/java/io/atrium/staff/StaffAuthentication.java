package io.atrium.staff;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff sign-in with email and password. Wrong passwords count per account in the database; after
 * {@code max-failures} in a row the account locks for {@code lock-duration} (time-bound, so an attacker cannot lock
 * the owner out for good, and a password reset lifts it). Unknown addresses cost the same hashing time as known
 * ones.
 */
@Component
public class StaffAuthentication implements AuthenticationProvider {

	private final StaffRepository staff;
	private final PasswordEncoder encoder;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final int maxFailures;
	private final Duration lockFor;
	private final String dummyHash;
	private final Principals principals;

	StaffAuthentication(StaffRepository staff, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock,
			@Value("${atrium.security.sign-in.max-failures:5}") int maxFailures,
			@Value("${atrium.security.sign-in.lock-duration:15m}") Duration lockFor, Principals principals) {
		this.principals = principals;
		this.staff = staff;
		this.encoder = encoder;
		this.events = events;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockFor = lockFor;
		this.dummyHash = encoder.encode("not a real password, only here to spend the same time");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var email = StaffUser.normalizeEmail(authentication.getName());
		var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		var now = clock.instant();
		var found = staff.findByEmail(email);
		if (found.isEmpty() || found.get().passwordHash() == null) {
			encoder.matches(password, dummyHash);
			events.publishEvent(new StaffSignInFailed(found.map(StaffUser::firm).orElse(null),
					found.map(StaffUser::id).orElse(null), email, "unknown"));
			throw new BadCredentialsException("staff.signin.invalid");
		}
		var user = found.get();
		if (user.isLocked(now)) {
			encoder.matches(password, dummyHash);
			events.publishEvent(new StaffSignInFailed(user.firm(), user.id(), email, "locked"));
			throw new LockedException(minutesLeft(user));
		}
		if (!encoder.matches(password, user.passwordHash())) {
			user.recordFailedSignIn(now, maxFailures, lockFor);
			saveCounting(user);
			events.publishEvent(new StaffSignInFailed(user.firm(), user.id(), email, "password"));
			if (user.isLocked(now)) {
				throw new LockedException(minutesLeft(user));
			}
			throw new BadCredentialsException("staff.signin.invalid");
		}
		if (user.status() != StaffStatus.ACTIVE) {
			events.publishEvent(new StaffSignInFailed(user.firm(), user.id(), email, "deactivated"));
			throw new DisabledException("staff.signin.deactivated");
		}
		user.recordSignIn(now);
		saveCounting(user);
		events.publishEvent(new StaffSignedIn(user.firm(), user.id(), email));
		var principal = principals.of(user);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	/**
	 * Two attempts racing on one account (two wrong passwords, or one person signing in on two devices at once):
	 * the loser's bookkeeping is lost — the other attempt wrote the same — never the answer.
	 */
	private void saveCounting(StaffUser user) {
		try {
			staff.save(user);
		}
		catch (OptimisticLockingFailureException e) {
			// the other attempt was counted
		}
	}

	private String minutesLeft(StaffUser user) {
		var seconds = Duration.between(clock.instant(), user.lockedUntil()).toSeconds();
		return Long.toString(Math.max(1, (seconds + 59) / 60));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}

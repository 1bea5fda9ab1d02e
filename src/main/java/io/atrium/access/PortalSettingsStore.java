package io.atrium.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmId;
import io.atrium.platform.ShortLivedCache;

/** The firms' portal settings; a firm without a row has {@link PortalSettings#DEFAULTS}. */
@Component
class PortalSettingsStore {

	private final JdbcClient jdbc;
	private final ShortLivedCache<FirmId, PortalSettings> cache = new ShortLivedCache<>(10_000);

	PortalSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every portal request asks (idle timeout, the branded pages): remembered for a few seconds (see
	 * {@link ShortLivedCache}). Sign-in and links use {@link #fresh}.
	 */
	PortalSettings get(FirmId firm) {
		return cache.value(firm, this::fresh);
	}

	/**
	 * The settings as stored now, for what they decide: how a person may sign in, how long a link lives, and the
	 * value a change is compared with. Those must not wait for another node's copy to expire.
	 */
	PortalSettings fresh(FirmId firm) {
		return jdbc.sql("""
				select sign_in_methods, invitation_hours, magic_link_days, idle_timeout_minutes
				from portal_settings where firm_id = :firm""")
			.param("firm", firm.value())
			.query((rs, n) -> new PortalSettings(SignInMethods.valueOf(rs.getString("sign_in_methods")),
					rs.getInt("invitation_hours"), rs.getInt("magic_link_days"), rs.getInt("idle_timeout_minutes")))
			.optional()
			.orElse(PortalSettings.DEFAULTS);
	}

	void save(FirmId firm, PortalSettings settings, Instant now) {
		cache.clearAfterCommit();
		int updated = jdbc.sql("""
				update portal_settings set sign_in_methods = :methods, invitation_hours = :hours,
				  magic_link_days = :days, idle_timeout_minutes = :idle, updated_at = :now, version = version + 1
				where firm_id = :firm""")
			.params(params(firm, settings, now))
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into portal_settings (firm_id, sign_in_methods, invitation_hours, magic_link_days,
					  idle_timeout_minutes, updated_at, version)
					values (:firm, :methods, :hours, :days, :idle, :now, 0)""")
				.params(params(firm, settings, now))
				.update();
		}
	}

	private static java.util.Map<String, Object> params(FirmId firm, PortalSettings settings, Instant now) {
		return java.util.Map.of("firm", firm.value(), "methods", settings.signInMethods().name(), "hours",
				settings.invitationLifetimeHours(), "days", settings.magicLinkLifetimeDays(), "idle",
				settings.idleTimeoutMinutes(), "now", Timestamp.from(now.truncatedTo(ChronoUnit.MICROS)));
	}
}

package io.atrium.access.web;

import io.atrium.access.PortalSettings;
import io.atrium.access.SignInMethods;
import io.atrium.platform.InvalidRequestException;

/** Settings → Client portal, as the form sends it; numbers that are not numbers fail at binding. */
record PortalSettingsForm(String signInMethods, Integer invitationLifetimeHours, Integer magicLinkLifetimeDays,
		Integer idleTimeoutMinutes) {

	static PortalSettingsForm of(PortalSettings settings) {
		return new PortalSettingsForm(settings.signInMethods().name(), settings.invitationLifetimeHours(),
				settings.magicLinkLifetimeDays(), settings.idleTimeoutMinutes());
	}

	PortalSettings toSettings() {
		SignInMethods methods;
		try {
			methods = SignInMethods.valueOf(signInMethods == null ? "" : signInMethods.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequestException("signInMethods", "portal.settings.methods.invalid");
		}
		if (invitationLifetimeHours == null) {
			throw new InvalidRequestException("invitationLifetimeHours", "portal.settings.invitation.range");
		}
		if (magicLinkLifetimeDays == null) {
			throw new InvalidRequestException("magicLinkLifetimeDays", "portal.settings.magic-link.range");
		}
		if (idleTimeoutMinutes == null) {
			throw new InvalidRequestException("idleTimeoutMinutes", "portal.settings.idle.range");
		}
		return new PortalSettings(methods, invitationLifetimeHours, magicLinkLifetimeDays, idleTimeoutMinutes);
	}
}

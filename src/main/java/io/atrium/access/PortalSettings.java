package io.atrium.access;

/**
 * A firm's portal settings: the sign-in methods its contacts may use, how long invitation and magic links stay
 * valid, and after how many idle minutes a portal session ends.
 */
public record PortalSettings(SignInMethods signInMethods, int invitationLifetimeHours, int magicLinkLifetimeDays,
		int idleTimeoutMinutes) {

	public static final int MIN_INVITATION_HOURS = 1;
	public static final int MAX_INVITATION_HOURS = 720;
	public static final int MIN_MAGIC_LINK_DAYS = 1;
	public static final int MAX_MAGIC_LINK_DAYS = 30;
	public static final int MIN_IDLE_MINUTES = 5;
	public static final int MAX_IDLE_MINUTES = 720;

	public static final PortalSettings DEFAULTS = new PortalSettings(SignInMethods.BOTH, 48, 7, 30);
}

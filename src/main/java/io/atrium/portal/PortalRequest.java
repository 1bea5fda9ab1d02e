package io.atrium.portal;

/**
 * Request attributes the portal's filters set for the controllers and pages behind them
 * ({@code @RequestAttribute(PortalRequest.FIRM) FirmView firm}).
 */
public final class PortalRequest {

	/** The firm whose portal the request is for ({@code FirmView}); every request under a known slug has it. */
	public static final String FIRM = "atrium.portal.firm";
	/** The firm's portal settings ({@code PortalSettings}). */
	public static final String SETTINGS = "atrium.portal.settings";
	/** Who is signed in, re-read for this request ({@code PortalSession}); absent when nobody is. */
	public static final String SESSION = "atrium.portal.session";
	/** The membership the signed-in identity acts as now ({@code PortalMembership}). */
	public static final String MEMBERSHIP = "atrium.portal.membership";
	/** Set when the contact the session acted as lost access and another of its memberships took over. */
	public static final String SWITCHED = "atrium.portal.switched";

	private PortalRequest() {
	}

	/** The slug of a path {@code /p/{slug}/...} (context path removed), or null. */
	public static String slugOf(String path) {
		if (path == null || !path.startsWith("/p/")) {
			return null;
		}
		var end = path.indexOf('/', 3);
		var slug = end < 0 ? path.substring(3) : path.substring(3, end);
		return slug.isEmpty() || slug.length() > 64 ? null : slug;
	}
}

package io.atrium.access;

/** Another firm's portal, for the "Switch company" menu: where to sign in, and what to call it. */
public record PortalFirm(String slug, String name) {
}

/**
 * The client-facing shell of a firm's portal: its address ({@code /p/{slug}} or {@code {slug}.<base domain>}), the
 * portal's own security chain and session (separate from staff sessions, re-checked on every request), sign-in
 * pages, the home page with its client and company switchers, and the Owner's People page. What a contact may do
 * is decided by the {@code access} module; this module only shows it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package io.atrium.portal;

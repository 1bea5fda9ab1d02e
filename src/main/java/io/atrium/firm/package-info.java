/**
 * Firms are Atrium's tenants: each has a name, a portal address (slug) and its branding. Every other
 * module scopes its data by {@link io.atrium.firm.FirmId}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Firms")
package io.atrium.firm;

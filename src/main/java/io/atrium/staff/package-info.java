/**
 * Staff users of a firm: first-run setup, sign-in with lock-out and throttling, invitations, password reset,
 * firm roles and deactivation. The signed-in staff member is a {@link io.atrium.staff.StaffPrincipal}, refreshed
 * from the database on every request so that role changes and deactivation apply at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package io.atrium.staff;

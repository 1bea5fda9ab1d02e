/**
 * A firm's clients (individuals and businesses) and their contacts: create, edit, archive and restore, search
 * and filter, CSV import and export. Which clients a staff user sees is decided by {@link io.atrium.client.ClientScope},
 * implemented by the engagement module, which owns assignments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package io.atrium.client;

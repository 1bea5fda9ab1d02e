/**
 * The firm's audit log: who did what, when, from which address and browser. It is append-only: entries are
 * inserted in the transaction of the change they record and are never updated or deleted by the application
 * (old rows are archived by hand, see docs/audit.md). Other modules do not call it: their events are mapped to
 * entries by this module's listeners. Owners and Admins read, filter and export their own firm's entries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.atrium.audit;

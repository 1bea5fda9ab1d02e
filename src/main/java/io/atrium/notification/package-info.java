/**
 * Email: messages are rendered from templates in the firm's colours and written to an outbox in the same
 * transaction as the change that promises them, then delivered over SMTP by a cluster-safe job with retries.
 * Without an SMTP server, a dev mailbox at {@code /dev/mail} shows what would have been sent. Other modules
 * never call this one: it listens to their events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.atrium.notification;

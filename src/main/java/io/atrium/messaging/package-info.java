/**
 * Conversations between a client's contacts and the firm (optionally tied to an engagement), their messages with
 * attachments (documents of the conversation) and unread markers on both sides, and staff notes on clients and
 * engagements, which appear read-only in the portal when shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package io.atrium.messaging;

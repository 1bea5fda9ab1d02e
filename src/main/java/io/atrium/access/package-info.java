/**
 * Portal access of a client's contacts: portal roles and their capabilities, portal identities (one per firm and
 * email, shared by every contact with that email), invitations, magic links, generated passwords, the portal's
 * sign-in and sessions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal access")
package io.atrium.access;

/**
 * Engagements (cases) of clients, the firm's pipeline, engagement types, and assignments: one staff user per role
 * on a client and per engagement (an engagement's own assignment overrides the client's), onboarding defaults, bulk
 * and smart assign. It decides who sees which client ({@link io.atrium.client.ClientScope}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagements")
package io.atrium.engagement;

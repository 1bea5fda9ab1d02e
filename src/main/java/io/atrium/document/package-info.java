/**
 * Documents of clients and engagements: uploads streamed into an encrypted store (local folder or S3-compatible),
 * versions, the trash, views and downloads recorded, and document requests that clients answer in the portal.
 * Staff reach documents of clients they see; contacts only what is shared (see
 * {@link io.atrium.engagement.PortalSharing}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package io.atrium.document;

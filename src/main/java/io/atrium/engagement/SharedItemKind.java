package io.atrium.engagement;

/**
 * The kinds of item that are shared with the portal one by one inside a shared engagement (or at client level).
 * Each owning module keeps a {@code portal_shared} flag and an {@code engagement_id} on its rows and reads them
 * through {@link PortalSharing#visibleCondition(String)}; sharing one publishes {@link PortalItemShared}.
 */
public enum SharedItemKind {

	DOCUMENT, DOCUMENT_REQUEST, NOTE, TASK, INVOICE, QUESTIONNAIRE, SIGNING_REQUEST
}

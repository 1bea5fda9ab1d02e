package io.atrium.engagement;

/**
 * The one rule of what the portal may show, for every kind of shared item: the item is shared, and it either
 * belongs to no engagement (shared at client level) or to an engagement that is shared. Item tables carry
 * {@code portal_shared} and {@code engagement_id}; their portal queries add this condition.
 */
public final class PortalSharing {

	private PortalSharing() {
	}

	/** An SQL condition on the item table aliased {@code alias}. */
	public static String visibleCondition(String alias) {
		return "(" + alias + ".portal_shared = true and (" + alias + ".engagement_id is null or exists (select 1 from engagement pse where pse.id = "
				+ alias + ".engagement_id and pse.portal_shared = true)))";
	}

	/** An SQL condition that the engagement column {@code column} is null or names a shared engagement. */
	public static String engagementVisibleCondition(String column) {
		return "(" + column + " is null or exists (select 1 from engagement pse where pse.id = " + column
				+ " and pse.portal_shared = true))";
	}
}

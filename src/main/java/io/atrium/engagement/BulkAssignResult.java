package io.atrium.engagement;

/**
 * What a bulk or smart assign did with the selected clients: changed, or skipped because the person already held
 * the role, someone else held it (smart assign), or the viewer may not change that client.
 */
public record BulkAssignResult(int selected, int changed, int alreadyAssigned, int filled, int notAllowed) {

	public int skipped() {
		return selected - changed;
	}
}

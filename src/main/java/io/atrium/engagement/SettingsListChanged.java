package io.atrium.engagement;

import io.atrium.firm.FirmId;
import io.atrium.staff.StaffId;

/** An entry of a firm's pipeline stages or engagement types was added, renamed, moved or deleted. */
public record SettingsListChanged(FirmId firm, SettingsList list, Change change, String name, String previousName,
		StaffId by) {

	public enum Change {
		ADDED, RENAMED, MOVED_UP, MOVED_DOWN, DELETED
	}
}

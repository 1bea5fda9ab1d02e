package io.atrium.engagement;

/** The firm-editable lists of this module. */
public enum SettingsList {
	PIPELINE_STAGES, ENGAGEMENT_TYPES
}

package io.atrium.engagement;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.atrium.firm.FirmCreated;

/** Every firm starts with the usual engagement types and pipeline stages, created with the firm itself. */
@Component
class FirmDefaults {

	private final SettingsLists lists;

	FirmDefaults(SettingsLists lists) {
		this.lists = lists;
	}

	@EventListener
	void on(FirmCreated event) {
		lists.createDefaults(event.firm());
	}
}

package io.atrium.access;

import io.atrium.firm.FirmId;

/** A firm's portal settings changed. */
public record PortalSettingsChanged(FirmId firm, PortalSettings before, PortalSettings after, PortalActor by) {
}

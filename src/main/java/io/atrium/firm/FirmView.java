package io.atrium.firm;

/** What other modules and pages need to know of a firm: its name, portal address and accent colour. */
public record FirmView(FirmId id, String name, String slug, String accentColour) {
}

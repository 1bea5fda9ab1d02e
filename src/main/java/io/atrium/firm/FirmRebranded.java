package io.atrium.firm;

/** A firm changed its display name or accent colour. */
public record FirmRebranded(FirmId firm, String name, String accentColour) {
}

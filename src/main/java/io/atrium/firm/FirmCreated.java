package io.atrium.firm;

/** A firm was created, by first-run setup or by self-sign-up. */
public record FirmCreated(FirmId firm, String name, String slug) {
}

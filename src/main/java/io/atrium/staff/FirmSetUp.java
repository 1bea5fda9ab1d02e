package io.atrium.staff;

/** A firm was set up with its first Owner (first-run setup or self-sign-up); demo data was asked for or not. */
public record FirmSetUp(io.atrium.firm.FirmId firm, StaffId owner, String ownerEmail, boolean demoData) {
}

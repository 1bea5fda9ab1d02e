package io.atrium.client;

/** What a confirmed import wrote; {@code skipped} counts clients found to exist already at confirmation. */
public record ImportResult(int created, int contacts, int skipped) {
}

package io.atrium.portal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing on the portal home's "Waiting for you" list: what it is ({@code kind}: request, message, …), a line
 * for people, where it is answered (a path inside the portal), when it is due if it is, and when it arrived.
 */
public record WaitingItem(String kind, String title, String detail, String href, LocalDate due, Instant since) {
}

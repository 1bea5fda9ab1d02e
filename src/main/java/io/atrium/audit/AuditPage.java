package io.atrium.audit;

import java.util.List;

/** One page of entries, newest first; {@code page} counts from 0. */
public record AuditPage(List<AuditEntryView> entries, int page, int size, boolean hasNext) {

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}
}

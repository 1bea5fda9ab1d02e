package io.atrium.client;

import java.util.List;

/** One page of a client list; {@code page} counts from 0 and {@code total} is the number of all matches. */
public record ClientPage(List<ClientView> clients, int page, int size, long total) {

	public ClientPage {
		clients = List.copyOf(clients);
	}

	public boolean isEmpty() {
		return clients.isEmpty();
	}

	public int totalPages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}
}

package io.atrium.client;

import java.util.List;

/**
 * What an import would do, worked out without writing anything: the clients it would create and the lines it would
 * leave out, as errors or duplicates. {@code problems} holds at most {@link #MAX_PROBLEMS_SHOWN} of them;
 * {@code errors} and {@code duplicates} count all.
 */
public record ImportPreview(int rows, List<ImportedClient> clients, List<ImportProblem> problems, int errors,
		int duplicates) {

	public static final int MAX_PROBLEMS_SHOWN = 500;

	public ImportPreview {
		clients = List.copyOf(clients);
		problems = List.copyOf(problems);
	}

	public int contacts() {
		return clients.stream().mapToInt(c -> c.contacts().size()).sum();
	}

	public boolean hasProblems() {
		return errors + duplicates > 0;
	}

	public int problemsNotShown() {
		return Math.max(0, errors + duplicates - problems.size());
	}
}

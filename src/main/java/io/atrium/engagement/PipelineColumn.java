package io.atrium.engagement;

import java.util.List;

/** A stage with its first cards; {@code total} counts every matching engagement in the stage. */
public record PipelineColumn(ListEntry stage, List<PipelineCard> cards, int total) {

	public int more() {
		return total - cards.size();
	}
}

package dev.strata.guard;

import org.jspecify.annotations.Nullable;

/**
 * A finding and what the guard decided about it.
 *
 * @param finding the finding
 * @param outcome refused, warned or allowed
 * @param note why: the directive's reason, the switch, or the table size that escalated
 * it; may be empty
 * @param size the table size used, when the database was asked
 */
public record Assessment(Finding finding, Outcome outcome, String note, @Nullable TableSize size) {

	/** Whether the finding refuses the migration. */
	public boolean refused() {
		return this.outcome == Outcome.REFUSED;
	}

}

package dev.strata.plan;

/**
 * Something that stops a migration: the history and the files disagree.
 *
 * @param kind what kind of problem
 * @param migration which migration, as {@code V3 (add orders)}
 * @param detail what is wrong
 * @param fix what to do about it
 */
public record ValidationProblem(Kind kind, String migration, String detail, String fix) {

	/** The kinds of problem. */
	public enum Kind {

		CHECKSUM_MISMATCH, DESCRIPTION_MISMATCH, MISSING, OUT_OF_ORDER, FAILED, NOT_EMPTY_WITHOUT_HISTORY,
		HISTORY_EDITED, UNDO_CHECKSUM_MISMATCH

	}

	/** One paragraph for an error message. */
	public String describe() {
		return this.migration + ": " + this.detail + "\n    Fix: " + this.fix;
	}

}

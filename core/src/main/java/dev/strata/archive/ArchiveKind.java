package dev.strata.archive;

/** What an archive keeps, and so how it is restored. */
public enum ArchiveKind {

	/**
	 * A dropped table, moved into the archive schema instead (no copy); restored by
	 * moving it back.
	 */
	DROPPED_TABLE,

	/**
	 * A dropped column's values with the row's key; restored by adding the column and
	 * setting the values on the rows the key finds.
	 */
	DROPPED_COLUMN,

	/** The rows a {@code TRUNCATE} emptied; restored by inserting them again. */
	TRUNCATED_ROWS,

	/** The rows a {@code DELETE} removed; restored by inserting them again. */
	DELETED_ROWS,

	/**
	 * The old values of the rows an {@code UPDATE} changed; restored by setting them back
	 * on the rows their primary key finds.
	 */
	UPDATED_ROWS,

	/**
	 * Nothing could be kept (a {@code DROP SCHEMA}, a {@code DO} block, a statement
	 * outside a transaction…): the record says what was removed without an archive.
	 */
	NOT_ARCHIVED

}

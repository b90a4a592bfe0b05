package dev.strata;

import dev.strata.archive.ArchiveEntry;

/**
 * What {@code restore} put back.
 *
 * @param target the name of the target
 * @param archive the archive, as it was before the restore
 * @param rows how many rows were put back (for a table: the rows it holds)
 */
public record RestoreResult(String target, ArchiveEntry archive, long rows) {

	/** One line: what was restored, from which migration. */
	public String summary() {
		return "Restored archive " + this.archive.id() + " (" + this.archive.kind() + " of " + this.archive.object()
				+ ", " + this.rows + " rows) that "
				+ ((this.archive.version() != null) ? "V" + this.archive.version() : this.archive.script()) + " line "
				+ this.archive.line() + " removed";
	}

}

package dev.strata.archive;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One archive: what a destructive statement removed and where Strata kept it.
 *
 * @param id its id, for {@code restore}
 * @param version the migration's version, {@code null} for a repeatable one
 * @param script the migration's script
 * @param line the statement's line in it
 * @param kind what is kept
 * @param schema the schema of the object the statement removed from
 * @param table the table, as named in the catalog ({@code null} when none, e.g. a dropped
 * type)
 * @param column the dropped column, for {@link ArchiveKind#DROPPED_COLUMN}
 * @param archiveTable the table in the archive schema that keeps it, {@code null} when
 * nothing was kept
 * @param keyColumns the columns that identify a row again on restore (the primary key, or
 * every other column when there is none); empty when rows are only re-inserted
 * @param rows how many rows it keeps
 * @param bytes the archive table's size on disk
 * @param note what else happened (what a {@code CASCADE} removed, what could not be
 * kept), may be empty
 * @param archivedAt when
 * @param restoredAt when it was restored, {@code null} if it was not
 */
public record ArchiveEntry(long id, @Nullable String version, String script, int line, ArchiveKind kind, String schema,
		@Nullable String table, @Nullable String column, @Nullable String archiveTable, List<String> keyColumns,
		long rows, long bytes, String note, Instant archivedAt, @Nullable Instant restoredAt) {

	public ArchiveEntry {
		keyColumns = List.copyOf(keyColumns);
	}

	/** What was removed, as {@code public.orders} or {@code public.orders.note}. */
	public String object() {
		String name = (this.table != null) ? this.schema + "." + this.table : this.schema;
		return (this.column != null) ? name + "." + this.column : name;
	}

	/** Whether it can still be restored. */
	public boolean restorable() {
		return this.archiveTable != null && this.restoredAt == null;
	}

}

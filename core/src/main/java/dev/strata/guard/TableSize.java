package dev.strata.guard;

/**
 * How big a table is, as the planner's statistics say.
 *
 * @param table the table, as written in the migration
 * @param rows estimated rows ({@code pg_class.reltuples}, or from the size when never
 * analysed)
 * @param bytes {@code pg_relation_size}
 * @param analysed whether {@code rows} comes from statistics rather than the size
 */
public record TableSize(String table, long rows, long bytes, boolean analysed) {

	/** {@code ~250,000 rows, 24 MB}. */
	public String describe() {
		return String.format("~%,d rows%s, %s", this.rows, this.analysed ? "" : " (estimated, never analysed)",
				bytes(this.bytes));
	}

	private static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		if (bytes < 1024 * 1024) {
			return (bytes / 1024) + " kB";
		}
		if (bytes < 1024L * 1024 * 1024) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		return (bytes / (1024L * 1024 * 1024)) + " GB";
	}

}

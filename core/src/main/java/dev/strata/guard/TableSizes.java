package dev.strata.guard;

import org.jspecify.annotations.Nullable;

/**
 * Where the guard learns table sizes: nowhere when linting text, the live database when
 * migrating.
 */
public interface TableSizes {

	/** No database: sizes are unknown and LOCKING findings stay warnings. */
	TableSizes NONE = (table) -> null;

	/**
	 * The size of a table, as written in the migration; {@code null} when unknown or not
	 * a table.
	 */
	@Nullable TableSize of(String table);

}

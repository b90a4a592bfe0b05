package dev.strata.execute.internal;

import org.jspecify.annotations.Nullable;

/**
 * What to do about a failed statement, from PostgreSQL's SQLState: the failures a
 * migration author can fix with a directive or a split file get a hint that says how.
 */
final class FailureHints {

	static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final String INVALID_TRANSACTION_TERMINATION = "2D000";

	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	private static final String UNSAFE_NEW_ENUM_VALUE_USAGE = "55P04";

	private static final String QUERY_CANCELED = "57014";

	private FailureHints() {
	}

	static @Nullable String forSqlState(@Nullable String sqlState) {
		if (sqlState == null) {
			return null;
		}
		return switch (sqlState) {
			case INVALID_TRANSACTION_TERMINATION, ACTIVE_SQL_TRANSACTION ->
				"the migration commits or needs to run outside a transaction block: add the line"
						+ " '-- strata:no-transaction' at the top of the file";
			case LOCK_NOT_AVAILABLE -> "another session held a lock the migration needs for longer than lock_timeout;"
					+ " find it in pg_stat_activity, or raise the timeout for this file with '-- strata:lock-timeout=60s'";
			case UNSAFE_NEW_ENUM_VALUE_USAGE -> "a value added with ALTER TYPE ... ADD VALUE cannot be used in the same"
					+ " transaction: move the statements that use it into a later migration";
			case QUERY_CANCELED -> "statement_timeout cancelled it; for a long data migration raise it for this file"
					+ " with '-- strata:statement-timeout=2h'";
			default -> null;
		};
	}

}

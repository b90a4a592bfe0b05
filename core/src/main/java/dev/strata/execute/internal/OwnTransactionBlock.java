package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.strata.migration.sql.internal.TransactionControl;
import dev.strata.sql.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction block a migration that runs as written
 * ({@code -- strata:no-transaction}) opens itself with {@code BEGIN}. When a statement
 * inside it fails, the session is left in an aborted block: every later statement,
 * Strata's own progress update included, would fail with 25P02 until it is rolled back,
 * and what ran in the block since its {@code BEGIN} is undone.
 */
final class OwnTransactionBlock {

	private static final Logger logger = LoggerFactory.getLogger(OwnTransactionBlock.class);

	private OwnTransactionBlock() {
	}

	/**
	 * Rolls back whatever block the failure left open. Harmless when none is: outside a
	 * block PostgreSQL answers {@code ROLLBACK} with a warning only.
	 */
	static void rollBack(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("rollback");
		}
		catch (SQLException ex) {
			logger.debug("Could not roll back the migration's own transaction block", ex);
		}
	}

	/**
	 * How many statements stay applied when the statement at {@code failed} fails: those
	 * before the block it failed in, if it failed in one of the file's own blocks.
	 */
	static int applied(List<SqlStatement> statements, int failed) {
		return TransactionControl.appliedBefore(statements, failed);
	}

	/** Says what the rollback undid, or nothing when the failure was outside a block. */
	static String describe(List<SqlStatement> statements, int applied, int failed) {
		if (applied >= failed) {
			return "";
		}
		return " (its own transaction block, from line " + statements.get(applied).line() + " on, was rolled back: the "
				+ (failed - applied) + " statements that ran in it before the failure are not applied)";
	}

}

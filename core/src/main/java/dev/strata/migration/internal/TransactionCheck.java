package dev.strata.migration.internal;

import java.sql.Connection;
import java.sql.SQLException;
import dev.strata.migration.PreparedMigration;

/**
 * A check that runs inside a transactional migration's own transaction: {@link #before}
 * ahead of its first statement, {@link #verify} after its last one and before commit.
 * Throwing from {@code verify} rolls the migration back. The guard's effect check is one.
 */
public interface TransactionCheck {

	/** Checks nothing. */
	TransactionCheck NONE = new TransactionCheck() {
	};

	/**
	 * Whether {@link #verify} looks at this migration. When it does not, the executor may
	 * send the history row together with the migration's statements.
	 */
	default boolean inspects(PreparedMigration migration) {
		return false;
	}

	/** Called in the transaction before the migration's first statement. */
	default void before(PreparedMigration migration, Connection connection) throws SQLException {
	}

	/**
	 * Called in the transaction after the migration's last statement, before commit.
	 * @throws dev.strata.error.StrataException to roll the migration back
	 */
	default void verify(PreparedMigration migration, Connection connection) throws SQLException {
	}

}

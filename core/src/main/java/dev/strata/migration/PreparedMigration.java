package dev.strata.migration;

import java.util.List;

import dev.strata.migration.sql.internal.SqlChecksum;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * A pending migration, read and checked, ready to run: what the guard judges and the
 * executor runs.
 *
 * @param migration the migration
 * @param statements its SQL statements in order, as the guard reads them; none for a
 * migration of code, which the guard cannot read before it runs
 * @param directives how it asked to be run
 * @param transactional whether it runs inside one transaction
 * @param nonTransactionalReason why not (e.g. {@code CREATE INDEX CONCURRENTLY at line
 * 4}), empty if it does
 * @param sqlChecksum checksum of its SQL without comments and whitespace (see
 * {@link SqlChecksum}), {@code null} for a migration of code
 * @param body what runs
 */
public record PreparedMigration(Migration migration, List<SqlStatement> statements, MigrationDirectives directives,
		boolean transactional, String nonTransactionalReason, @Nullable Integer sqlChecksum, MigrationBody body) {

	/**
	 * A migration made of SQL statements; its body runs them in order.
	 */
	public static PreparedMigration ofStatements(Migration migration, List<SqlStatement> statements,
			MigrationDirectives directives, boolean transactional, String nonTransactionalReason) {
		List<SqlStatement> copy = List.copyOf(statements);
		return new PreparedMigration(migration, copy, directives, transactional, nonTransactionalReason,
				SqlChecksum.of(copy), (run) -> {
					for (int i = 0; i < copy.size(); i++) {
						SqlStatement statement = copy.get(i);
						run.statement(i, statement.text(), statement.mayReturnRows());
					}
				});
	}

	/**
	 * A migration of code: it runs in a transaction unless its directives say otherwise.
	 */
	public static PreparedMigration ofCode(Migration migration, MigrationDirectives directives, MigrationBody body) {
		boolean transactional = !directives.noTransaction();
		return new PreparedMigration(migration, List.of(), directives, transactional,
				transactional ? "" : "declared to run without a transaction", null, body);
	}

}

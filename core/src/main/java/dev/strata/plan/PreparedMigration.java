package dev.strata.plan;

import java.util.List;

import dev.strata.source.MigrationDirectives;
import dev.strata.source.MigrationFile;
import dev.strata.sql.SqlStatement;

/**
 * A pending migration, split into statements and checked, ready to run.
 *
 * @param file the file
 * @param statements its statements, in order
 * @param directives its {@code strata:} directives
 * @param transactional whether it runs inside one transaction
 * @param nonTransactionalReason why not (e.g.
 * {@code CREATE INDEX CONCURRENTLY at line 4}), empty if it does
 */
public record PreparedMigration(MigrationFile file, List<SqlStatement> statements, MigrationDirectives directives,
		boolean transactional, String nonTransactionalReason) {

	/** Checksum of the SQL without comments and whitespace, see {@link SqlChecksum}. */
	public int sqlChecksum() {
		return SqlChecksum.of(this.statements);
	}

}

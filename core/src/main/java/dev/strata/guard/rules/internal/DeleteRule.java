package dev.strata.guard.rules.internal;

import dev.strata.sql.SqlStatement;
import dev.strata.guard.rules.Rule;

/**
 * {@code DELETE FROM [ONLY] table …} on a table that existed before the migration: with
 * or without WHERE, rows are gone. Deleting from a table created in the same migration is
 * exempt.
 */
final class DeleteRule implements StatementRule {

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		check(new Cursor(statement.tokens()), statement, scope, findings);
	}

	/** Checks a DELETE starting at the cursor (also inside a WITH or MERGE). */
	static void check(Cursor cursor, SqlStatement statement, MigrationScope scope, Findings findings) {
		cursor.accept("DELETE");
		cursor.accept("FROM");
		cursor.accept("ONLY");
		Name table = cursor.name();
		if (table == null) {
			StatementRule.unrecognised(statement, findings, "the table of this DELETE");
			return;
		}
		if (scope.isNewTable(table)) {
			return;
		}
		boolean where = Cursor.containsTopLevel(cursor.rest(), "WHERE");
		findings.add(Rule.DELETE, null, "deletes " + (where ? "rows" : "every row") + " of table " + table.text(),
				table);
	}

}

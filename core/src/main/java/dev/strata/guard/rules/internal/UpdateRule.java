package dev.strata.guard.rules.internal;

import dev.strata.sql.SqlStatement;
import dev.strata.guard.rules.Rule;

/**
 * {@code UPDATE [ONLY] table … SET …} without a WHERE outside parentheses: every row is
 * overwritten. An UPDATE with a WHERE is an ordinary backfill and reported by nothing.
 */
final class UpdateRule implements StatementRule {

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		check(new Cursor(statement.tokens()), statement, scope, findings);
	}

	static void check(Cursor cursor, SqlStatement statement, MigrationScope scope, Findings findings) {
		cursor.accept("UPDATE");
		cursor.accept("ONLY");
		Name table = cursor.name();
		if (table == null) {
			StatementRule.unrecognised(statement, findings, "the table of this UPDATE");
			return;
		}
		if (scope.isNewTable(table) || Cursor.containsTopLevel(cursor.rest(), "WHERE")) {
			return;
		}
		findings.add(Rule.UPDATE_WITHOUT_WHERE, null, "updates every row of table " + table.text(), table);
	}

}

package dev.strata.guard.rules.internal;

import dev.strata.sql.SqlStatement;
import dev.strata.guard.rules.Rule;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table …}:
 * without CONCURRENTLY it blocks writes while the index is built, unless the table is
 * new.
 */
final class CreateIndexRule implements StatementRule {

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		Cursor cursor = new Cursor(statement.tokens());
		cursor.accept("CREATE");
		cursor.accept("UNIQUE");
		cursor.accept("INDEX");
		boolean concurrently = cursor.accept("CONCURRENTLY");
		cursor.accept("IF", "NOT", "EXISTS");
		Name index = cursor.accept("ON") ? null : cursor.name();
		if (index != null && !cursor.accept("ON")) {
			StatementRule.unrecognised(statement, findings, "this CREATE INDEX statement");
			return;
		}
		cursor.accept("ONLY");
		Name table = cursor.name();
		if (index != null) {
			scope.createdIndex(index);
		}
		if (table == null) {
			StatementRule.unrecognised(statement, findings, "the table of this CREATE INDEX statement");
			return;
		}
		if (!concurrently && !scope.isNewTable(table)) {
			findings.add(Rule.CREATE_INDEX_NOT_CONCURRENTLY, null, "builds index "
					+ ((index != null) ? index.text() + " " : "") + "on " + table.text() + " without CONCURRENTLY",
					table);
		}
	}

}

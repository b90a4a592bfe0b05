package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.sql.SqlStatement;
import dev.strata.guard.rules.Rule;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [, …] [CASCADE]}: empties every pre-existing table
 * named.
 */
final class TruncateRule implements StatementRule {

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		Cursor cursor = new Cursor(statement.tokens());
		cursor.accept("TRUNCATE");
		cursor.accept("TABLE");
		cursor.accept("ONLY");
		List<Name> tables = cursor.names();
		if (tables.isEmpty()) {
			StatementRule.unrecognised(statement, findings, "the tables of this TRUNCATE");
			return;
		}
		boolean allNew = true;
		for (Name table : tables) {
			if (!scope.isNewTable(table)) {
				allNew = false;
				findings.add(Rule.TRUNCATE, null, "empties table " + table.text(), table);
			}
		}
		if (!allNew && Cursor.containsTopLevel(cursor.rest(), "CASCADE")) {
			findings.add(Rule.CASCADE, null, "TRUNCATE … CASCADE also empties every table that references "
					+ String.join(", ", tables.stream().map(Name::text).toList()), null);
		}
	}

}

package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;

/**
 * A top-level {@code SELECT}: {@code SELECT … INTO [TEMP | UNLOGGED] [TABLE] t} creates
 * {@code t}, as {@code CREATE TABLE t AS} does, so the migration may drop, empty or
 * delete from it later without a finding; then the query is checked for calls of unknown
 * functions.
 */
final class SelectRule implements StatementRule {

	/** Words between INTO and the new table's name. */
	private static final KeywordSet TABLE_OPTIONS = KeywordSet.of("TEMPORARY", "TEMP", "UNLOGGED", "LOCAL", "GLOBAL",
			"TABLE");

	private final StatementRule functionCall = new FunctionCallRule();

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		List<Token> tokens = statement.tokens();
		int into = Cursor.indexOfTopLevel(tokens, "INTO");
		if (into > 0) {
			Cursor cursor = new Cursor(tokens.subList(into + 1, tokens.size()));
			while (cursor.word(0, TABLE_OPTIONS) != null) {
				cursor.next();
			}
			Name table = cursor.name();
			if (table != null) {
				scope.createdTable(table);
			}
		}
		this.functionCall.check(statement, scope, findings);
	}

}

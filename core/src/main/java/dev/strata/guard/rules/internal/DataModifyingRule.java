package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import dev.strata.guard.rules.Rule;

/**
 * {@code WITH …} and {@code MERGE …}: statements that may hide a DELETE or an UPDATE
 * inside. Each one found is checked by its own rule; a WITH that only reads is checked
 * for function calls.
 */
final class DataModifyingRule implements StatementRule {

	private final FunctionCallRule functionCalls = new FunctionCallRule();

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		if (statement.startsWith("MERGE")) {
			merge(statement, scope, findings);
			return;
		}
		List<Token> tokens = statement.tokens();
		boolean modifies = false;
		for (int i = 1; i < tokens.size(); i++) {
			Token previous = tokens.get(i - 1);
			boolean startsStatement = previous.is("(") || previous.is(")");
			if (startsStatement && tokens.get(i).isWord("DELETE")) {
				DeleteRule.check(new Cursor(group(tokens, i)), statement, scope, findings);
				modifies = true;
			}
			else if (startsStatement && tokens.get(i).isWord("UPDATE")) {
				UpdateRule.check(new Cursor(group(tokens, i)), statement, scope, findings);
				modifies = true;
			}
			else if (startsStatement && tokens.get(i).isWord("INSERT")) {
				modifies = true;
			}
		}
		if (!modifies) {
			this.functionCalls.check(statement, scope, findings);
		}
	}

	private static void merge(SqlStatement statement, MigrationScope scope, Findings findings) {
		Cursor cursor = new Cursor(statement.tokens());
		cursor.accept("MERGE", "INTO");
		cursor.accept("ONLY");
		Name target = cursor.name();
		if (target == null) {
			StatementRule.unrecognised(statement, findings, "the target of this MERGE");
			return;
		}
		if (!scope.isNewTable(target) && Cursor.containsAnywhere(statement.tokens(), "DELETE")) {
			findings.add(Rule.DELETE, null, "MERGE deletes matched rows of table " + target.text(), target);
		}
	}

	/**
	 * The tokens from {@code start} up to the parenthesis that closes the group it is in.
	 */
	private static List<Token> group(List<Token> tokens, int start) {
		int depth = 0;
		for (int i = start; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.is("(")) {
				depth++;
			}
			else if (token.is(")")) {
				if (depth == 0) {
					return tokens.subList(start, i);
				}
				depth--;
			}
		}
		return tokens.subList(start, tokens.size());
	}

}

package dev.strata.guard.rules.internal;

import dev.strata.sql.internal.SqlLexer;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.SqlSyntaxException;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import dev.strata.guard.rules.Rule;

/**
 * {@code DO [LANGUAGE l] $$ … $$}: procedural code the guard cannot follow. Its body is
 * lexed only to tell {@code dynamic-sql} (an {@code EXECUTE} inside) from a plain
 * {@code do-block}; words in the body's strings and comments still do not count.
 */
final class DoBlockRule implements StatementRule {

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		for (Token token : statement.tokens()) {
			if ((token.kind() == TokenKind.DOLLAR_STRING || token.kind() == TokenKind.STRING)
					&& executes(body(token))) {
				findings.add(Rule.DYNAMIC_SQL, "DO block runs a statement built at run time (EXECUTE)");
				return;
			}
		}
		findings.add(Rule.DO_BLOCK, "DO block runs procedural code");
	}

	private static String body(Token token) {
		String text = token.text();
		if (token.kind() == TokenKind.DOLLAR_STRING) {
			int tagEnd = text.indexOf('$', 1);
			return text.substring(tagEnd + 1, text.length() - (tagEnd + 1));
		}
		return text.substring(text.indexOf('\'') + 1, text.length() - 1).replace("''", "'");
	}

	private static boolean executes(String body) {
		try {
			for (Token token : SqlLexer.tokenize("DO block", body)) {
				if (token.isWord("EXECUTE")) {
					return true;
				}
			}
			return false;
		}
		catch (SqlSyntaxException ex) {
			return true; // cannot read it: assume the worse of the two
		}
	}

}

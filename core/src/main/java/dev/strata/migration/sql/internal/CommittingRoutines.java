package dev.strata.migration.sql.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.strata.sql.internal.SqlLexer;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.SqlSyntaxException;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * Finds a {@code DO} block, or a {@code CALL} of a procedure the same file creates, whose
 * body runs {@code COMMIT} or {@code ROLLBACK}. PostgreSQL allows that only outside a
 * transaction block, so such a file runs statement by statement in autocommit, like one
 * with {@code -- strata:no-transaction}: the author already split the work into
 * transactions of their own.
 *
 * <p>
 * The body is lexed with the SQL lexer (PL/pgSQL's strings, comments and dollar quotes
 * are the same), and a {@code COMMIT} or {@code ROLLBACK} counts where a PL/pgSQL
 * statement starts (after {@code ;}, {@code BEGIN}, {@code THEN}, {@code ELSE},
 * {@code LOOP} or a label) and ends there. Words in strings and comments do not count,
 * nor does a column named {@code commit}. A body the lexer cannot read counts as not
 * committing: it then runs in Strata's transaction, and if it does commit, PostgreSQL's
 * "invalid transaction termination" points to the directive.
 */
public final class CommittingRoutines {

	private CommittingRoutines() {
	}

	/**
	 * Why the file must run outside a transaction because of a committing routine (e.g.
	 * {@code DO
	 * block that commits at line 3}), or {@code null} if none is found.
	 */
	public static @Nullable String reason(List<SqlStatement> statements) {
		Set<String> committingProcedures = null;
		for (SqlStatement statement : statements) {
			List<Token> tokens = statement.tokens();
			if (tokens.isEmpty()) {
				continue;
			}
			Token first = tokens.get(0);
			if (first.isWord("DO")) {
				String ends = transactionEnd(tokens, 1, false, committingProcedures);
				if (ends != null) {
					return "DO block that " + ends + " at line " + statement.line();
				}
			}
			else if (first.isWord("CALL") && tokens.size() > 1 && committingProcedures != null) {
				String called = procedureName(tokens, 1);
				if (called != null && committingProcedures.contains(called)) {
					return "CALL of procedure " + called + ", which commits or rolls back, at line " + statement.line();
				}
			}
			else if (first.isWord("CREATE")) {
				int kind = (statement.startsWith("CREATE", "OR", "REPLACE")) ? 3 : 1;
				if (kind < tokens.size() && tokens.get(kind).isWord("PROCEDURE")) {
					String name = procedureName(tokens, kind + 1);
					if (name != null && transactionEnd(tokens, kind + 1, true, committingProcedures) != null) {
						if (committingProcedures == null) {
							committingProcedures = new HashSet<>();
						}
						committingProcedures.add(name);
					}
				}
			}
		}
		return null;
	}

	/**
	 * "commits" or "rolls back" if a body among {@code tokens[from…]} (a string or
	 * dollar-quoted constant) ends a transaction, directly or by calling a procedure
	 * known to; else {@code null}. With {@code afterAs}, only a constant right after
	 * {@code AS} is a body (a routine's parameter defaults are strings too).
	 */
	private static @Nullable String transactionEnd(List<Token> tokens, int from, boolean afterAs,
			@Nullable Set<String> committingProcedures) {
		for (int i = from; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			String body = (!afterAs || tokens.get(i - 1).isWord("AS")) ? body(token) : null;
			if (body != null) {
				String ends = transactionEnd(body, committingProcedures);
				if (ends != null) {
					return ends;
				}
			}
		}
		return null;
	}

	private static @Nullable String transactionEnd(String body, @Nullable Set<String> committingProcedures) {
		List<Token> tokens;
		try {
			tokens = SqlLexer.tokenize("routine body", body);
		}
		catch (SqlSyntaxException ex) {
			return null;
		}
		Token previous = null;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isComment()) {
				continue;
			}
			if (token.kind() == TokenKind.WORD && startsStatement(previous)) {
				Token next = nextSignificant(tokens, i + 1);
				boolean alone = next == null || next.is(";") || next.isWord("AND");
				if (alone && token.isWord("COMMIT")) {
					return "commits";
				}
				if (alone && token.isWord("ROLLBACK")) {
					return "rolls back";
				}
				if (token.isWord("CALL") && committingProcedures != null) {
					String called = procedureName(tokens.subList(i, tokens.size()), 1);
					if (called != null && committingProcedures.contains(called)) {
						return "commits";
					}
				}
			}
			previous = token;
		}
		return null;
	}

	/**
	 * Whether a PL/pgSQL statement may start after {@code previous} ({@code null}: the
	 * body's start).
	 */
	private static boolean startsStatement(@Nullable Token previous) {
		return previous == null || previous.is(";") || previous.is(">>") || previous.isWord("BEGIN")
				|| previous.isWord("THEN") || previous.isWord("ELSE") || previous.isWord("LOOP");
	}

	private static @Nullable Token nextSignificant(List<Token> tokens, int from) {
		for (int i = from; i < tokens.size(); i++) {
			if (!tokens.get(i).isComment()) {
				return tokens.get(i);
			}
		}
		return null;
	}

	/**
	 * The procedure's own name at {@code tokens[at]} (after an optional schema), folded
	 * as PostgreSQL folds identifiers; {@code null} if no name is there.
	 */
	private static @Nullable String procedureName(List<Token> tokens, int at) {
		String name = null;
		for (int i = at; i < tokens.size(); i += 2) {
			Token token = tokens.get(i);
			if (token.kind() == TokenKind.WORD) {
				name = token.text().toLowerCase(Locale.ROOT);
			}
			else if (token.kind() == TokenKind.QUOTED_IDENTIFIER && token.text().startsWith("\"")) {
				String text = token.text();
				name = text.substring(1, text.length() - 1).replace("\"\"", "\"");
			}
			else {
				return name;
			}
			if (i + 1 >= tokens.size() || !tokens.get(i + 1).is(".")) {
				return name;
			}
		}
		return name;
	}

	/**
	 * The text inside a {@code '…'} or {@code $tag$…$tag$} constant, or {@code null} for
	 * any other token.
	 */
	private static @Nullable String body(Token token) {
		String text = token.text();
		if (token.kind() == TokenKind.DOLLAR_STRING) {
			int tagEnd = text.indexOf('$', 1);
			return text.substring(tagEnd + 1, text.length() - (tagEnd + 1));
		}
		if (token.kind() == TokenKind.STRING && text.startsWith("'")) {
			return text.substring(1, text.length() - 1).replace("''", "'");
		}
		return null;
	}

}

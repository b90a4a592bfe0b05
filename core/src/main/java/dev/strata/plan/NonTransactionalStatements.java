package dev.strata.plan;

import java.util.List;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the statements PostgreSQL refuses inside a transaction block, from their leading
 * keywords. A migration containing one must run outside a transaction.
 */
final class NonTransactionalStatements {

	/**
	 * The leading keywords of statements that may not run in a transaction, in some form. Every
	 * statement is asked, so keywords are compared in place here, never copied.
	 */
	private static final KeywordSet LEADING = KeywordSet.of("CREATE", "DROP", "REINDEX", "VACUUM", "ALTER");

	private NonTransactionalStatements() {
	}

	/** Why the statement cannot run in a transaction, or {@code null} if it can. */
	static @Nullable String reason(SqlStatement statement) {
		String first = statement.keyword(0, LEADING);
		if (first == null) {
			return null;
		}
		return switch (first) {
			case "CREATE" -> create(statement);
			case "DROP" -> drop(statement);
			case "REINDEX" -> containsWord(statement, "CONCURRENTLY") ? "REINDEX CONCURRENTLY" : null;
			case "VACUUM" -> "VACUUM";
			case "ALTER" -> alter(statement);
			default -> null;
		};
	}

	/** Statements that may accompany non-transactional ones: they only change session settings. */
	static boolean isSessionSetting(SqlStatement statement) {
		return statement.isKeyword(0, "SET") || statement.isKeyword(0, "RESET");
	}

	private static @Nullable String create(SqlStatement statement) {
		if (statement.isKeyword(1, "DATABASE")) {
			return "CREATE DATABASE";
		}
		if (statement.isKeyword(1, "TABLESPACE")) {
			return "CREATE TABLESPACE";
		}
		boolean unique = statement.isKeyword(1, "UNIQUE");
		boolean index = statement.isKeyword(1, "INDEX") || (unique && statement.isKeyword(2, "INDEX"));
		if (index && statement.isKeyword(unique ? 3 : 2, "CONCURRENTLY")) {
			return "CREATE INDEX CONCURRENTLY";
		}
		return null;
	}

	private static @Nullable String drop(SqlStatement statement) {
		if (statement.isKeyword(1, "DATABASE")) {
			return "DROP DATABASE";
		}
		if (statement.isKeyword(1, "TABLESPACE")) {
			return "DROP TABLESPACE";
		}
		if (statement.isKeyword(1, "INDEX") && statement.isKeyword(2, "CONCURRENTLY")) {
			return "DROP INDEX CONCURRENTLY";
		}
		return null;
	}

	private static @Nullable String alter(SqlStatement statement) {
		if (statement.isKeyword(1, "SYSTEM")) {
			return "ALTER SYSTEM";
		}
		if (statement.isKeyword(1, "TABLE") && containsWord(statement, "DETACH")
				&& lastWordIs(statement, "CONCURRENTLY")) {
			return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
		}
		if (statement.isKeyword(1, "DATABASE") && containsWord(statement, "TABLESPACE")) {
			return "ALTER DATABASE ... SET TABLESPACE";
		}
		return null;
	}

	private static boolean containsWord(SqlStatement statement, String word) {
		List<Token> tokens = statement.tokens();
		for (Token token : tokens) {
			if (token.isWord(word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean lastWordIs(SqlStatement statement, String word) {
		List<Token> tokens = statement.tokens();
		return !tokens.isEmpty() && tokens.get(tokens.size() - 1).isWord(word);
	}

}

package dev.strata.migration.sql.internal;

import java.util.List;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the statements PostgreSQL refuses inside a transaction block, from their
 * leading keywords. A migration containing one must run outside a transaction.
 */
public final class NonTransactionalStatements {

	/**
	 * Every keyword compared with below. Every statement is asked, so its words are
	 * looked up in place, never copied; a word outside the set compares unequal to all of
	 * them either way.
	 */
	private static final KeywordSet WORDS = KeywordSet.of("CREATE", "DROP", "REINDEX", "VACUUM", "ALTER", "SET",
			"RESET", "DATABASE", "TABLESPACE", "INDEX", "UNIQUE", "SYSTEM", "TABLE", "CONCURRENTLY");

	private NonTransactionalStatements() {
	}

	/** Why the statement cannot run in a transaction, or {@code null} if it can. */
	public static @Nullable String reason(SqlStatement statement) {
		String first = statement.keyword(0, WORDS);
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

	/**
	 * Statements that may accompany non-transactional ones: they only change session
	 * settings.
	 */
	public static boolean isSessionSetting(SqlStatement statement) {
		String first = statement.keyword(0, WORDS);
		return "SET".equals(first) || "RESET".equals(first);
	}

	private static @Nullable String create(SqlStatement statement) {
		String second = statement.keyword(1, WORDS);
		if ("DATABASE".equals(second)) {
			return "CREATE DATABASE";
		}
		if ("TABLESPACE".equals(second)) {
			return "CREATE TABLESPACE";
		}
		boolean index = "INDEX".equals(second)
				|| ("UNIQUE".equals(second) && "INDEX".equals(statement.keyword(2, WORDS)));
		if (index && "CONCURRENTLY".equals(statement.keyword("UNIQUE".equals(second) ? 3 : 2, WORDS))) {
			return "CREATE INDEX CONCURRENTLY";
		}
		return null;
	}

	private static @Nullable String drop(SqlStatement statement) {
		String second = statement.keyword(1, WORDS);
		if ("DATABASE".equals(second)) {
			return "DROP DATABASE";
		}
		if ("TABLESPACE".equals(second)) {
			return "DROP TABLESPACE";
		}
		if ("INDEX".equals(second) && "CONCURRENTLY".equals(statement.keyword(2, WORDS))) {
			return "DROP INDEX CONCURRENTLY";
		}
		return null;
	}

	private static @Nullable String alter(SqlStatement statement) {
		String second = statement.keyword(1, WORDS);
		if ("SYSTEM".equals(second)) {
			return "ALTER SYSTEM";
		}
		if ("TABLE".equals(second) && containsWord(statement, "DETACH") && lastWordIs(statement, "CONCURRENTLY")) {
			return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
		}
		if ("DATABASE".equals(second) && containsWord(statement, "TABLESPACE")) {
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

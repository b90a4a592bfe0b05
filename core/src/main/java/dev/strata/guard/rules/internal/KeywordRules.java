package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import org.jspecify.annotations.Nullable;
import dev.strata.guard.rules.Rule;

/**
 * Rules that are only a keyword pattern, as table rows: the leading words, a word that
 * must appear (or must not) anywhere in the statement, and the message.
 */
final class KeywordRules implements StatementRule {

	private static final List<Row> ROWS = List.of(
			new Row(Rule.DROP_DATABASE, List.of("DROP", "DATABASE"), null, null, "drops database %s"),
			new Row(Rule.DROP_OWNED, List.of("DROP", "OWNED", "BY"), null, null, "drops every object owned by %s"),
			new Row(Rule.VACUUM_FULL, List.of("VACUUM"), "FULL", null, "VACUUM FULL rewrites %s"),
			new Row(Rule.CLUSTER, List.of("CLUSTER"), null, null, "CLUSTER rewrites %s"),
			new Row(Rule.REINDEX_NOT_CONCURRENTLY, List.of("REINDEX"), null, "CONCURRENTLY",
					"REINDEX without CONCURRENTLY locks %s"),
			new Row(Rule.REFRESH_MATERIALIZED_VIEW_NOT_CONCURRENTLY, List.of("REFRESH", "MATERIALIZED", "VIEW"), null,
					"CONCURRENTLY", "REFRESH without CONCURRENTLY blocks reads of %s"),
			new Row(Rule.FUNCTION_CALL, List.of("CALL"), null, null, "CALL runs procedure %s"),
			new Row(Rule.DYNAMIC_SQL, List.of("EXECUTE"), null, null, "EXECUTE runs prepared statement %s"),
			new Row(Rule.DYNAMIC_SQL, List.of("PREPARE"), null, null, "PREPARE defines statement %s"));

	private static final Row[][] BY_FIRST_WORD_LENGTH = byFirstWordLength();

	/** Whether a row matches the statement's leading words. */
	static boolean handles(SqlStatement statement) {
		return row(statement) != null;
	}

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		Row row = row(statement);
		if (row == null) {
			return;
		}
		if (row.required() != null && !Cursor.containsAnywhere(statement.tokens(), row.required())) {
			return;
		}
		if (row.unless() != null && Cursor.containsAnywhere(statement.tokens(), row.unless())) {
			return;
		}
		Name target = target(statement, row.leading().size());
		findings.add(row.rule(), null, String.format(row.message(), (target != null) ? target.text() : "it"), target);
	}

	private static @Nullable Row row(SqlStatement statement) {
		List<Token> tokens = statement.tokens();
		if (tokens.isEmpty()) {
			return null;
		}
		// Every statement is asked twice: only rows whose first word is as long as the
		// first token
		// can match it, and most statements start with a word of a length no row has.
		Token first = tokens.get(0);
		int length = first.endOffset() - first.offset();
		if (length >= BY_FIRST_WORD_LENGTH.length) {
			return null;
		}
		for (Row row : BY_FIRST_WORD_LENGTH[length]) {
			if (first.isWord(row.leadingWords()[0]) && statement.startsWith(row.leadingWords())) {
				return row;
			}
		}
		return null;
	}

	/** {@link #ROWS} by the length of their first word, each group in table order. */
	private static Row[][] byFirstWordLength() {
		int longest = ROWS.stream().mapToInt((row) -> row.leadingWords()[0].length()).max().orElse(0);
		Row[][] groups = new Row[longest + 1][];
		for (int length = 0; length <= longest; length++) {
			int n = length;
			groups[length] = ROWS.stream().filter((row) -> row.leadingWords()[0].length() == n).toArray(Row[]::new);
		}
		return groups;
	}

	/**
	 * The first name after the leading words, skipping options in parentheses and option
	 * words.
	 */
	private static @Nullable Name target(SqlStatement statement, int from) {
		Cursor cursor = new Cursor(statement.tokens());
		for (int i = 0; i < from; i++) {
			cursor.next();
		}
		while (!cursor.atEnd()) {
			cursor.skipParentheses();
			if (cursor.accept("FULL") || cursor.accept("VERBOSE") || cursor.accept("ANALYZE") || cursor.accept("FREEZE")
					|| cursor.accept("CONCURRENTLY") || cursor.accept("TABLE") || cursor.accept("INDEX")
					|| cursor.accept("SCHEMA") || cursor.accept("DATABASE") || cursor.accept("SYSTEM")
					|| cursor.accept("IF", "EXISTS")) {
				continue;
			}
			return cursor.name();
		}
		return null;
	}

	private record Row(Rule rule, List<String> leading, @Nullable String required, @Nullable String unless,
			String message, String[] leadingWords) {

		/**
		 * {@code leadingWords} is {@code leading} as the array {@code startsWith} takes,
		 * made once, not per statement.
		 */
		Row(Rule rule, List<String> leading, @Nullable String required, @Nullable String unless, String message) {
			this(rule, leading, required, unless, message, leading.toArray(String[]::new));
		}

	}

}

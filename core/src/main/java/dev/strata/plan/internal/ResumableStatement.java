package dev.strata.plan.internal;

import java.util.List;

import dev.strata.migration.sql.internal.TransactionControl;
import dev.strata.sql.SqlStatement;
import dev.strata.migration.sql.internal.TransactionControl;
import dev.strata.sql.Token;
import dev.strata.migration.sql.internal.TransactionControl;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * A statement whose outcome Strata can read from the catalog after a run was interrupted
 * while it was in flight, with the names the catalog is asked about. Only these let an
 * interrupted non-transactional migration resume by itself: for any other statement (an
 * UPDATE, a DO block) nobody but a person can tell whether it ran.
 *
 * <p>
 * Names are kept as written in the file (quotes and schema included), so the server
 * resolves them as it resolved the statement: {@code to_regclass('"Books".title')}, with
 * the migration's search_path.
 *
 * @param kind what the statement is
 * @param name the index, type or partition the outcome is read from; the schema, table or
 * index a {@code REINDEX} works on
 * @param table the table of a {@code CREATE INDEX} or the parent of a
 * {@code DETACH PARTITION}; for {@code REINDEX}, its target ({@code INDEX},
 * {@code TABLE}, {@code SCHEMA}, {@code DATABASE} or {@code SYSTEM}); {@code null}
 * otherwise
 * @param label the literal of the enum value an {@code ALTER TYPE … ADD VALUE} adds, as
 * written
 * @param rerunnable whether running it again is harmless whatever happened before
 * ({@code IF NOT EXISTS}, {@code VACUUM}, {@code ANALYZE}, {@code REINDEX})
 */
public record ResumableStatement(Kind kind, @Nullable String name, @Nullable String table, @Nullable String label,
		boolean rerunnable) {

	/** The statements Strata can resume. */
	public enum Kind {

		/** {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON table …}. */
		CREATE_INDEX_CONCURRENTLY,

		/** {@code DROP INDEX CONCURRENTLY [IF EXISTS] name}. */
		DROP_INDEX_CONCURRENTLY,

		/** {@code REINDEX … CONCURRENTLY}. */
		REINDEX_CONCURRENTLY,

		/** {@code VACUUM} or {@code ANALYZE}. */
		VACUUM_OR_ANALYZE,

		/** {@code ALTER TYPE … ADD VALUE}. */
		ADD_ENUM_VALUE,

		/** {@code ALTER TABLE parent DETACH PARTITION child CONCURRENTLY}. */
		DETACH_PARTITION_CONCURRENTLY,

		/**
		 * {@code BEGIN} of the file's own transaction block. The history row is written
		 * inside the block while it is open, so a row still saying its {@code BEGIN} is
		 * in flight means the block never committed: it runs again.
		 */
		BEGIN,

		/**
		 * {@code COMMIT} of the file's own block: a row that says it is in flight was
		 * written inside the block, so it committed with it.
		 */
		COMMIT

	}

	/**
	 * What the statement is, or {@code null} when its outcome cannot be read from the
	 * catalog.
	 */
	public static @Nullable ResumableStatement recognise(SqlStatement statement) {
		List<Token> tokens = statement.tokens();
		if (tokens.isEmpty()) {
			return null;
		}
		Token first = tokens.get(0);
		TransactionControl control = TransactionControl.of(statement);
		if (control == TransactionControl.OPENS) {
			return new ResumableStatement(Kind.BEGIN, null, null, null, true);
		}
		if (control == TransactionControl.ENDS && (first.isWord("COMMIT") || first.isWord("END"))) {
			return new ResumableStatement(Kind.COMMIT, null, null, null, false);
		}
		if (first.isWord("CREATE")) {
			return createIndex(tokens);
		}
		if (first.isWord("DROP")) {
			return dropIndex(tokens);
		}
		if (first.isWord("REINDEX")) {
			return reindex(tokens);
		}
		if (first.isWord("VACUUM") || first.isWord("ANALYZE") || first.isWord("ANALYSE")) {
			return new ResumableStatement(Kind.VACUUM_OR_ANALYZE, null, null, null, true);
		}
		if (first.isWord("ALTER") && isWord(tokens, 1, "TYPE")) {
			return addEnumValue(tokens);
		}
		if (first.isWord("ALTER") && isWord(tokens, 1, "TABLE")) {
			return detachPartition(tokens);
		}
		return null;
	}

	/** A few words for a log line: {@code CREATE INDEX CONCURRENTLY books_title}. */
	public String describe() {
		return switch (this.kind) {
			case CREATE_INDEX_CONCURRENTLY -> "CREATE INDEX CONCURRENTLY " + this.name;
			case DROP_INDEX_CONCURRENTLY -> "DROP INDEX CONCURRENTLY " + this.name;
			case REINDEX_CONCURRENTLY ->
				"REINDEX " + this.table + " CONCURRENTLY" + ((this.name != null) ? " " + this.name : "");
			case VACUUM_OR_ANALYZE -> "VACUUM/ANALYZE";
			case ADD_ENUM_VALUE -> "ALTER TYPE " + this.name + " ADD VALUE " + this.label;
			case DETACH_PARTITION_CONCURRENTLY ->
				"ALTER TABLE " + this.table + " DETACH PARTITION " + this.name + " CONCURRENTLY";
			case BEGIN -> "BEGIN";
			case COMMIT -> "COMMIT";
		};
	}

	private static @Nullable ResumableStatement createIndex(List<Token> tokens) {
		int at = 1;
		if (isWord(tokens, at, "UNIQUE")) {
			at++;
		}
		if (!isWord(tokens, at, "INDEX") || !isWord(tokens, at + 1, "CONCURRENTLY")) {
			return null;
		}
		at += 2;
		boolean ifNotExists = isWord(tokens, at, "IF") && isWord(tokens, at + 1, "NOT")
				&& isWord(tokens, at + 2, "EXISTS");
		if (ifNotExists) {
			at += 3;
		}
		// Without a name the server picks one, and the catalog cannot say which index the
		// run built.
		if (isWord(tokens, at, "ON") || !isIdentifier(tokens, at) || !isWord(tokens, at + 1, "ON")) {
			return null;
		}
		String name = tokens.get(at).text();
		at += 2;
		if (isWord(tokens, at, "ONLY")) {
			at++;
		}
		int end = qualifiedNameEnd(tokens, at);
		if (end < 0) {
			return null;
		}
		return new ResumableStatement(Kind.CREATE_INDEX_CONCURRENTLY, name, text(tokens, at, end), null, ifNotExists);
	}

	private static @Nullable ResumableStatement dropIndex(List<Token> tokens) {
		if (!isWord(tokens, 1, "INDEX") || !isWord(tokens, 2, "CONCURRENTLY")) {
			return null;
		}
		int at = 3;
		if (isWord(tokens, at, "IF") && isWord(tokens, at + 1, "EXISTS")) {
			at += 2;
		}
		int end = qualifiedNameEnd(tokens, at);
		// One index only: CONCURRENTLY refuses a list, and the outcome of a list is not
		// one fact.
		if (end < 0 || (end < tokens.size() && !isWord(tokens, end, "CASCADE") && !isWord(tokens, end, "RESTRICT"))) {
			return null;
		}
		return new ResumableStatement(Kind.DROP_INDEX_CONCURRENTLY, text(tokens, at, end), null, null, false);
	}

	private static @Nullable ResumableStatement reindex(List<Token> tokens) {
		int at = 1;
		if (at < tokens.size() && tokens.get(at).is("(")) {
			at = closing(tokens, at) + 1;
			if (at <= 0) {
				return null;
			}
		}
		if (at >= tokens.size() || tokens.get(at).kind() != TokenKind.WORD) {
			return null;
		}
		String target = tokens.get(at).text().toUpperCase(java.util.Locale.ROOT);
		if (!List.of("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM").contains(target)
				|| !isWord(tokens, at + 1, "CONCURRENTLY")) {
			return null;
		}
		at += 2;
		int end = qualifiedNameEnd(tokens, at);
		String name = (end > 0) ? text(tokens, at, end) : null;
		if (name == null && !target.equals("DATABASE") && !target.equals("SYSTEM")) {
			return null;
		}
		return new ResumableStatement(Kind.REINDEX_CONCURRENTLY, name, target, null, true);
	}

	private static @Nullable ResumableStatement addEnumValue(List<Token> tokens) {
		int end = qualifiedNameEnd(tokens, 2);
		if (end < 0 || !isWord(tokens, end, "ADD") || !isWord(tokens, end + 1, "VALUE")) {
			return null;
		}
		int at = end + 2;
		boolean ifNotExists = isWord(tokens, at, "IF") && isWord(tokens, at + 1, "NOT")
				&& isWord(tokens, at + 2, "EXISTS");
		if (ifNotExists) {
			at += 3;
		}
		if (at >= tokens.size() || tokens.get(at).kind() != TokenKind.STRING) {
			return null;
		}
		return new ResumableStatement(Kind.ADD_ENUM_VALUE, text(tokens, 2, end), null, tokens.get(at).text(),
				ifNotExists);
	}

	private static @Nullable ResumableStatement detachPartition(List<Token> tokens) {
		int at = 2;
		if (isWord(tokens, at, "IF") && isWord(tokens, at + 1, "EXISTS")) {
			at += 2;
		}
		if (isWord(tokens, at, "ONLY")) {
			at++;
		}
		int parentEnd = qualifiedNameEnd(tokens, at);
		if (parentEnd < 0 || !isWord(tokens, parentEnd, "DETACH") || !isWord(tokens, parentEnd + 1, "PARTITION")) {
			return null;
		}
		int childEnd = qualifiedNameEnd(tokens, parentEnd + 2);
		if (childEnd < 0 || childEnd != tokens.size() - 1 || !isWord(tokens, childEnd, "CONCURRENTLY")) {
			return null;
		}
		return new ResumableStatement(Kind.DETACH_PARTITION_CONCURRENTLY, text(tokens, parentEnd + 2, childEnd),
				text(tokens, at, parentEnd), null, false);
	}

	private static boolean isWord(List<Token> tokens, int index, String word) {
		return index < tokens.size() && tokens.get(index).isWord(word);
	}

	private static boolean isIdentifier(List<Token> tokens, int index) {
		if (index >= tokens.size()) {
			return false;
		}
		TokenKind kind = tokens.get(index).kind();
		return kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENTIFIER;
	}

	/**
	 * The index just past a dotted name starting at {@code start}, or {@code -1} if none
	 * starts there.
	 */
	private static int qualifiedNameEnd(List<Token> tokens, int start) {
		if (!isIdentifier(tokens, start)) {
			return -1;
		}
		int at = start + 1;
		while (at + 1 < tokens.size() && tokens.get(at).is(".") && isIdentifier(tokens, at + 1)) {
			at += 2;
		}
		return at;
	}

	private static String text(List<Token> tokens, int start, int end) {
		StringBuilder text = new StringBuilder();
		for (int i = start; i < end; i++) {
			text.append(tokens.get(i).text());
		}
		return text.toString();
	}

	/** The index of the parenthesis closing the one at {@code open}, or {@code -1}. */
	private static int closing(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).is("(")) {
				depth++;
			}
			else if (tokens.get(i).is(")") && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

}

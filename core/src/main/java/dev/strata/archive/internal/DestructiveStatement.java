package dev.strata.archive.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * What a destructive statement removes, read from its tokens: enough to archive it before
 * it runs. Statements of other shapes (a {@code WITH … DELETE}, a {@code DO} block,
 * {@code DROP SCHEMA}) are {@link Kind#OTHER}: the archive says it could not keep what
 * they removed.
 *
 * @param kind what it does
 * @param tables the tables it removes from, as written (qualified or not); for
 * {@link Kind#DROP_SCHEMA}, the schemas
 * @param columns the dropped columns, as written, for {@link Kind#DROP_COLUMN}
 * @param cascade whether it ends with {@code CASCADE}
 * @param ifExists whether it says {@code IF EXISTS} for its table
 * @param alias the alias of a {@code DELETE}'s or {@code UPDATE}'s table, {@code null}
 * for none
 * @param from the {@code USING} (of a {@code DELETE}) or {@code FROM} (of an
 * {@code UPDATE}) list as written, empty for none
 * @param where the condition as written, {@code null} for none
 */
public record DestructiveStatement(Kind kind, List<Table> tables, List<String> columns, boolean cascade,
		boolean ifExists, @Nullable String alias, String from, @Nullable String where) {

	private static final Set<String> CLAUSES_AFTER_TABLE = Set.of("SET", "USING", "WHERE", "RETURNING", "FROM");

	/** What the statement does. */
	public enum Kind {

		DROP_TABLE, DROP_SCHEMA, DROP_COLUMN, TRUNCATE, DELETE, UPDATE, OTHER

	}

	/**
	 * A table the statement names.
	 *
	 * @param name as written, usable as SQL ({@code public."Orders"})
	 * @param only whether {@code ONLY} restricts it to this table, not its children
	 */
	public record Table(String name, boolean only) {
	}

	static DestructiveStatement other() {
		return new DestructiveStatement(Kind.OTHER, List.of(), List.of(), false, false, null, "", null);
	}

	/** Reads the statement; {@link Kind#OTHER} when it is no shape Strata can archive. */
	public static DestructiveStatement read(SqlStatement statement) {
		List<Token> tokens = statement.tokens().stream().filter((token) -> !token.isComment()).toList();
		try {
			Reader reader = new Reader(statement, tokens);
			if (reader.words("DROP", "TABLE")) {
				return reader.dropTable();
			}
			if (reader.words("DROP", "SCHEMA")) {
				return reader.dropSchema();
			}
			if (reader.words("ALTER", "TABLE")) {
				return reader.dropColumns();
			}
			if (reader.words("TRUNCATE")) {
				return reader.truncate();
			}
			if (reader.words("DELETE", "FROM")) {
				return reader.delete();
			}
			if (reader.words("UPDATE")) {
				return reader.update();
			}
		}
		catch (IndexOutOfBoundsException ex) {
			// A statement cut short: no shape Strata can archive.
		}
		return other();
	}

	/** Reads tokens from the start of a statement. */
	private static final class Reader {

		private final SqlStatement statement;

		private final List<Token> tokens;

		private int at;

		Reader(SqlStatement statement, List<Token> tokens) {
			this.statement = statement;
			this.tokens = tokens;
		}

		/** Consumes the words if the next tokens are they. */
		boolean words(String... words) {
			for (int i = 0; i < words.length; i++) {
				if (this.at + i >= this.tokens.size() || !this.tokens.get(this.at + i).isWord(words[i])) {
					return false;
				}
			}
			this.at += words.length;
			return true;
		}

		boolean atEnd() {
			return this.at >= this.tokens.size();
		}

		boolean punctuation(String text) {
			if (!atEnd() && this.tokens.get(this.at).is(text)) {
				this.at++;
				return true;
			}
			return false;
		}

		/** A possibly qualified name, as written. */
		@Nullable String name() {
			StringBuilder name = new StringBuilder();
			while (!atEnd() && isIdentifier(this.tokens.get(this.at))) {
				name.append(this.tokens.get(this.at).text());
				this.at++;
				if (!punctuation(".")) {
					break;
				}
				name.append('.');
			}
			return (name.isEmpty() || name.charAt(name.length() - 1) == '.') ? null : name.toString();
		}

		DestructiveStatement dropTable() {
			boolean ifExists = words("IF", "EXISTS");
			List<Table> tables = new ArrayList<>();
			do {
				String name = name();
				if (name == null) {
					return other();
				}
				tables.add(new Table(name, false));
			}
			while (punctuation(","));
			boolean cascade = words("CASCADE");
			if (!cascade) {
				words("RESTRICT");
			}
			return atEnd()
					? new DestructiveStatement(Kind.DROP_TABLE, tables, List.of(), cascade, ifExists, null, "", null)
					: other();
		}

		/** The schemas go in {@link DestructiveStatement#tables()}. */
		DestructiveStatement dropSchema() {
			DestructiveStatement tables = dropTable();
			return (tables.kind() == Kind.OTHER) ? tables : new DestructiveStatement(Kind.DROP_SCHEMA, tables.tables(),
					List.of(), tables.cascade(), tables.ifExists(), null, "", null);
		}

		DestructiveStatement dropColumns() {
			boolean ifExists = words("IF", "EXISTS");
			boolean only = words("ONLY");
			String name = name();
			if (name == null) {
				return other();
			}
			punctuation("*");
			List<String> columns = new ArrayList<>();
			boolean cascade = false;
			do {
				if (!words("DROP")) {
					// Another action in the same statement: archived only when it drops.
					skipAction();
					continue;
				}
				if (words("CONSTRAINT")) {
					skipAction();
					continue;
				}
				words("COLUMN");
				words("IF", "EXISTS");
				String column = name();
				if (column == null) {
					return other();
				}
				columns.add(column);
				cascade |= words("CASCADE");
				words("RESTRICT");
			}
			while (punctuation(","));
			if (!atEnd() || columns.isEmpty()) {
				return other();
			}
			return new DestructiveStatement(Kind.DROP_COLUMN, List.of(new Table(name, only)), columns, cascade,
					ifExists, null, "", null);
		}

		/** Skips to the next top-level comma (or the end). */
		private void skipAction() {
			int depth = 0;
			while (!atEnd()) {
				Token token = this.tokens.get(this.at);
				if (token.is("(")) {
					depth++;
				}
				else if (token.is(")")) {
					depth--;
				}
				else if (depth == 0 && token.is(",")) {
					return;
				}
				this.at++;
			}
		}

		DestructiveStatement truncate() {
			words("TABLE");
			List<Table> tables = new ArrayList<>();
			do {
				boolean only = words("ONLY");
				String name = name();
				if (name == null) {
					return other();
				}
				punctuation("*");
				tables.add(new Table(name, only));
			}
			while (punctuation(","));
			if (!words("RESTART", "IDENTITY")) {
				words("CONTINUE", "IDENTITY");
			}
			boolean cascade = words("CASCADE");
			if (!cascade) {
				words("RESTRICT");
			}
			return atEnd() ? new DestructiveStatement(Kind.TRUNCATE, tables, List.of(), cascade, false, null, "", null)
					: other();
		}

		DestructiveStatement delete() {
			return rowsOf(Kind.DELETE, "USING");
		}

		DestructiveStatement update() {
			return rowsOf(Kind.UPDATE, "FROM");
		}

		/**
		 * {@code [ONLY] table [*] [[AS] alias] … [USING|FROM list] [WHERE condition]
		 * [RETURNING …]}.
		 */
		private DestructiveStatement rowsOf(Kind kind, String fromWord) {
			boolean only = words("ONLY");
			String name = name();
			if (name == null) {
				return other();
			}
			punctuation("*");
			words("AS");
			String alias = null;
			if (!atEnd() && isIdentifier(this.tokens.get(this.at))
					&& !CLAUSES_AFTER_TABLE.contains(this.tokens.get(this.at).text().toUpperCase(Locale.ROOT))) {
				alias = this.tokens.get(this.at).text();
				this.at++;
			}
			if (kind == Kind.UPDATE) {
				// SET …: up to a top-level FROM, WHERE or RETURNING.
				if (!words("SET")) {
					return other();
				}
				skipTo(fromWord, "WHERE", "RETURNING");
			}
			String from = "";
			if (words(fromWord)) {
				int start = this.at;
				skipTo("WHERE", "RETURNING");
				from = text(start, this.at);
			}
			String where = null;
			if (words("WHERE")) {
				if (words("CURRENT", "OF")) {
					return other();
				}
				int start = this.at;
				skipTo("RETURNING");
				where = text(start, this.at);
			}
			if (words("RETURNING")) {
				this.at = this.tokens.size();
			}
			return atEnd() ? new DestructiveStatement(kind, List.of(new Table(name, only)), List.of(), false, false,
					alias, from, where) : other();
		}

		/** Moves to the first of the words at the top level, or the end. */
		private void skipTo(String... words) {
			int depth = 0;
			while (!atEnd()) {
				Token token = this.tokens.get(this.at);
				if (token.is("(") || token.is("[")) {
					depth++;
				}
				else if (token.is(")") || token.is("]")) {
					depth--;
				}
				else if (depth == 0) {
					for (String word : words) {
						if (token.isWord(word)) {
							return;
						}
					}
				}
				this.at++;
			}
		}

		/** The statement's text from token {@code from} up to token {@code to}. */
		private String text(int from, int to) {
			if (from >= to) {
				return "";
			}
			int base = this.tokens.get(0).offset();
			return this.statement.text()
				.substring(this.tokens.get(from).offset() - base, this.tokens.get(to - 1).endOffset() - base);
		}

		private static boolean isIdentifier(Token token) {
			return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
		}

	}

}

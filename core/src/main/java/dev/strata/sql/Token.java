package dev.strata.sql;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One lexical token of a SQL script: its kind, exact source text (quotes, prefixes and
 * comment markers included), 0-based char offset, and 1-based line and column (in UTF-16
 * chars) of its first char. Two tokens are equal when these five are.
 *
 * <p>
 * Not a record, for speed: tokens the lexer makes point into the script instead of
 * holding a copy of their text, which is cut out only when {@link #text()} is first
 * called. The keyword and punctuation tests compare against the script in place, so the
 * splitter and the guard, which ask them millions of times, allocate no strings. A token
 * of a statement finds its line and column when first asked for them.
 */
public final class Token {

	private final TokenKind kind;

	/**
	 * Holds the text at {@code [start, start + length)}: the whole script, or the text
	 * itself.
	 */
	private final String source;

	private final int start;

	private final int length;

	private final int offset;

	/** 0 until found from {@link #lines}; racy but idempotent, as {@link #text}. */
	private int line;

	private int column;

	/** Where the script's lines start, for a token made without its line and column. */
	private final @Nullable LineIndex lines;

	/**
	 * {@code source.substring(start, start + length)} once asked for; racy but
	 * idempotent.
	 */
	private @Nullable String text;

	/**
	 * @param kind what it is
	 * @param text its exact source text
	 * @param offset 0-based char offset of its first char in the script
	 * @param line 1-based line of its first char
	 * @param column 1-based column (in UTF-16 chars) of its first char
	 */
	public Token(TokenKind kind, String text, int offset, int line, int column) {
		this(kind, text, 0, text.length(), offset, line, column, null);
		this.text = text;
	}

	/** A token whose text is {@code script[offset, end)}, cut out only when asked for. */
	public Token(TokenKind kind, String script, int offset, int end, int line, int column) {
		this(kind, script, offset, end - offset, offset, line, column, null);
	}

	/** As above, its line and column found from {@code lines} only when asked for. */
	public Token(TokenKind kind, String script, int offset, int end, LineIndex lines) {
		this(kind, script, offset, end - offset, offset, 0, 0, lines);
	}

	private Token(TokenKind kind, String source, int start, int length, int offset, int line, int column,
			@Nullable LineIndex lines) {
		this.kind = Objects.requireNonNull(kind, "kind");
		this.source = source;
		this.start = start;
		this.length = length;
		this.offset = offset;
		this.line = line;
		this.column = column;
		this.lines = lines;
	}

	public TokenKind kind() {
		return kind;
	}

	/** Its exact source text (quotes, prefixes and comment markers included). */
	public String text() {
		String t = text;
		if (t == null) {
			t = source.substring(start, start + length);
			text = t;
		}
		return t;
	}

	/** 0-based char offset of its first char in the script. */
	public int offset() {
		return offset;
	}

	/** 1-based line of its first char. */
	public int line() {
		int l = line;
		if (l == 0 && lines != null) {
			l = lines.line(offset);
			line = l;
		}
		return l;
	}

	/** 1-based column (in UTF-16 chars) of its first char. */
	public int column() {
		int c = column;
		if (c == 0 && lines != null) {
			c = lines.column(offset, line());
			column = c;
		}
		return c;
	}

	/**
	 * True if this is a {@link TokenKind#WORD} whose text equals {@code upperCaseWord},
	 * ignoring case.
	 */
	public boolean isWord(String upperCaseWord) {
		return kind == TokenKind.WORD && textEqualsIgnoreCase(upperCaseWord);
	}

	/**
	 * True if this is a WORD whose text upper-cased with {@link java.util.Locale#ROOT} is
	 * {@code
	 * upperCaseWord}: the test {@code upperCaseWord.equals(statement.keyword(i))} makes,
	 * without the copy. It differs from {@link #isWord} only for a few letters beyond
	 * ASCII ({@code ß}, {@code İ}, the Kelvin sign, ligatures), on which upper-casing and
	 * comparing ignoring case disagree.
	 */
	public boolean isKeyword(String upperCaseWord) {
		return kind == TokenKind.WORD && KeywordSet.spells(source, start, length, upperCaseWord);
	}

	/** {@link KeywordSet#find}, in place. */
	public @Nullable String keywordIn(KeywordSet keywords) {
		return keywords.find(source, start, length);
	}

	/** True for line and block comments. */
	public boolean isComment() {
		return kind == TokenKind.LINE_COMMENT || kind == TokenKind.BLOCK_COMMENT;
	}

	/**
	 * True if this is punctuation or an operator with exactly this text, e.g. {@code "("}
	 * or {@code "::"}.
	 */
	public boolean is(String punctuationOrOperatorText) {
		return (kind == TokenKind.PUNCTUATION || kind == TokenKind.OPERATOR)
				&& length == punctuationOrOperatorText.length() && source.startsWith(punctuationOrOperatorText, start);
	}

	/** The 0-based char offset just past this token. */
	public int endOffset() {
		return offset + length;
	}

	/** {@code text().equalsIgnoreCase(other)} without cutting the text out. */
	private boolean textEqualsIgnoreCase(String other) {
		return length == other.length() && source.regionMatches(true, start, other, 0, length);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || other instanceof Token that && kind == that.kind && offset == that.offset
				&& line() == that.line() && column() == that.column() && length == that.length
				&& source.regionMatches(start, that.source, that.start, length);
	}

	@Override
	public int hashCode() {
		return Objects.hash(kind, text(), offset, line(), column());
	}

	/** As a record would print it. */
	@Override
	public String toString() {
		return "Token[kind=" + kind + ", text=" + text() + ", offset=" + offset + ", line=" + line() + ", column="
				+ column() + "]";
	}

}

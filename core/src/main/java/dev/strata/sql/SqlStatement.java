package dev.strata.sql;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import dev.strata.sql.internal.TokenTable;

/**
 * One statement of a script: its text, where it is, and its tokens.
 *
 * <p>
 * Not a record, for speed: a statement the splitter makes points into the script and cuts
 * its text out only when {@link #text()} is first called. A lint never asks for the text
 * of most statements, and copying every statement's text was a fifth of what it
 * allocated. Equality, hash code and {@code toString} are those of a record of the six
 * values.
 */
public final class SqlStatement {

	private static final char ELLIPSIS = '…';

	/** Holds the text at {@code [start, end)}: the whole script, or the text itself. */
	private final @Nullable String source;

	private final int start;

	private final int end;

	/** {@code source.substring(start, end)} once asked for; racy but idempotent. */
	private @Nullable String text;

	private final int line;

	private final int column;

	private final int endLine;

	private final List<Token> tokens;

	private final List<Token> leadingComments;

	/**
	 * @param text source text from the first significant token up to, not including, the
	 * terminating {@code ;}, comments inside kept verbatim and trailing whitespace
	 * trimmed. For a last statement without {@code ;} the text ends with its last
	 * significant token; comments after it belong to no statement.
	 * @param line line of the first significant token
	 * @param column column of the first significant token
	 * @param endLine line on which the last significant token ends (differs from that
	 * token's {@link Token#line()} when it is a multi-line string or dollar-quoted body)
	 * @param tokens the significant tokens (no comments, no terminating {@code ;}), in
	 * order
	 * @param leadingComments the comments between the end of the previous statement (or
	 * the start of the script) and this statement
	 */
	public SqlStatement(String text, int line, int column, int endLine, List<Token> tokens,
			List<Token> leadingComments) {
		this(text, 0, (text != null) ? text.length() : 0, line, column, endLine, tokens, leadingComments);
		this.text = text;
	}

	/**
	 * A statement whose text is {@code script[start, end)}, cut out only when asked for.
	 */
	public SqlStatement(String script, int start, int end, int line, int column, int endLine, List<Token> tokens,
			List<Token> leadingComments) {
		this.source = script;
		this.start = start;
		this.end = end;
		this.line = line;
		this.column = column;
		this.endLine = endLine;
		// The splitter's token lists are unmodifiable views of its token table already; a
		// copy would
		// make every token an object again.
		this.tokens = tokens instanceof TokenTable.View ? tokens : List.copyOf(tokens);
		this.leadingComments = List.copyOf(leadingComments);
	}

	/**
	 * Source text from the first significant token up to, not including, the terminating
	 * {@code ;}, comments inside kept verbatim and trailing whitespace trimmed. For a
	 * last statement without {@code ;} the text ends with its last significant token;
	 * comments after it belong to no statement.
	 */
	public String text() {
		String t = text;
		if (t == null && source != null) {
			t = source.substring(start, end);
			text = t;
		}
		return t;
	}

	/** Line of the first significant token. */
	public int line() {
		return line;
	}

	/** Column of the first significant token. */
	public int column() {
		return column;
	}

	/**
	 * Line on which the last significant token ends (differs from that token's
	 * {@link Token#line()} when it is a multi-line string or dollar-quoted body).
	 */
	public int endLine() {
		return endLine;
	}

	/** The significant tokens (no comments, no terminating {@code ;}), in order. */
	public List<Token> tokens() {
		return tokens;
	}

	/**
	 * The comments between the end of the previous statement (or the start of the script)
	 * and this statement.
	 */
	public List<Token> leadingComments() {
		return leadingComments;
	}

	/**
	 * The upper-cased text of {@code tokens[index]} if it is a WORD; null if not or out
	 * of range.
	 */
	public @Nullable String keyword(int index) {
		if (index < 0 || index >= tokens.size()) {
			return null;
		}
		Token token = tokens.get(index);
		return token.kind() == TokenKind.WORD ? token.text().toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * The member of {@code keywords} that {@code tokens[index]} spells, or null:
	 * {@link #keyword(int)} if the set contains it, found without upper-casing a copy.
	 */
	public @Nullable String keyword(int index, KeywordSet keywords) {
		return index >= 0 && index < tokens.size() ? keywords.find(tokens.get(index)) : null;
	}

	/** True if the leading tokens are exactly these WORDs, compared ignoring case. */
	public boolean startsWith(String... upperCaseWords) {
		if (upperCaseWords.length > tokens.size()) {
			return false;
		}
		for (int i = 0; i < upperCaseWords.length; i++) {
			if (!tokens.get(i).isWord(upperCaseWords[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The text on one line, whitespace runs collapsed to one space, cut to at most
	 * {@code maxChars} chars ending in {@code …} when too long. Meant for error messages,
	 * not for execution.
	 */
	public String abbreviated(int maxChars) {
		if (maxChars < 1) {
			throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
		}
		String text = text();
		StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
		boolean pendingSpace = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				pendingSpace = out.length() > 0;
				continue;
			}
			if (pendingSpace) {
				out.append(' ');
				pendingSpace = false;
			}
			out.append(c);
			if (out.length() > maxChars) {
				// Too long: keep maxChars - 1 chars and the ellipsis, without a dangling
				// space.
				out.setLength(maxChars - 1);
				int end = out.length();
				while (end > 0 && out.charAt(end - 1) == ' ') {
					end--;
				}
				out.setLength(end);
				return out.append(ELLIPSIS).toString();
			}
		}
		return out.toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || other instanceof SqlStatement that && Objects.equals(text(), that.text())
				&& line == that.line && column == that.column && endLine == that.endLine && tokens.equals(that.tokens)
				&& leadingComments.equals(that.leadingComments);
	}

	@Override
	public int hashCode() {
		return Objects.hash(text(), line, column, endLine, tokens, leadingComments);
	}

	/** As a record would print it. */
	@Override
	public String toString() {
		return "SqlStatement[text=" + text() + ", line=" + line + ", column=" + column + ", endLine=" + endLine
				+ ", tokens=" + tokens + ", leadingComments=" + leadingComments + "]";
	}

	/** Whether a statement may produce a result set, which a JDBC batch cannot carry. */
	public boolean mayReturnRows() {
		String first = keyword(0);
		if (first == null) {
			return true;
		}
		switch (first) {
			case "SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN", "CALL", "FETCH", "EXECUTE", "COPY":
				return true;
			default:
				for (Token token : tokens()) {
					if (token.isWord("RETURNING")) {
						return true;
					}
				}
				return false;
		}
	}

}

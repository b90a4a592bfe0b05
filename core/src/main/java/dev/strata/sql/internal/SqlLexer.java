package dev.strata.sql.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import dev.strata.sql.SqlSyntaxException;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import dev.strata.sql.LineIndex;

/**
 * A single-pass PostgreSQL lexer. It follows the server's lexical rules with
 * {@code standard_conforming_strings = on} (the default since 9.1): backslashes are
 * escapes only in {@code E'..'} strings. The splitter switches it to {@code off} for the
 * statements after a script's {@code SET standard_conforming_strings = off} (see
 * {@link #standardConformingStrings}), where the server treats backslashes in plain
 * {@code '..'} strings as escapes too.
 *
 * <p>
 * Each token kind has its own method; {@link #next()} only dispatches on the first char.
 * Every method moves {@link #pos} forward and never back, so the whole script is read in
 * linear time.
 *
 * <p>
 * The methods return only the kind; where the token is ({@link #tokenOffset()} ...) is
 * read from the lexer, so that lexing allocates nothing per token (see
 * {@link TokenTable}).
 */
public final class SqlLexer {

	private static final char BOM = '\uFEFF';

	private static final boolean[] IDENTIFIER_PART = identifierParts();

	private final String sourceName;

	private final String sql;

	private final int length;

	/** Next char to read. */
	private int pos;

	/** Line of {@link #pos}, 1-based. */
	private int line = 1;

	/** Offset of the first char of the current line; column = offset - lineStart + 1. */
	private int lineStart;

	/**
	 * {@code lineStarts[k]} is where line {@code k + 1} starts, for the lines read so
	 * far.
	 */
	private int[] lineStarts;

	// Where the token being read starts.
	private int tokenOffset;

	private int tokenLine;

	private int tokenColumn;

	private TokenKind kindOfLastToken = TokenKind.WORD;

	/**
	 * {@code standard_conforming_strings = off}: a backslash escapes in {@code '..'} and
	 * {@code N'..'} too.
	 */
	private boolean backslashEscapesInPlainStrings;

	SqlLexer(String sourceName, String sql) {
		this.sourceName = sourceName;
		this.sql = sql;
		this.length = sql.length();
		this.lineStarts = new int[8 + length / 32]; // SQL lines are rarely shorter on
													// average
		if (length > 0 && sql.charAt(0) == BOM) {
			// Editors on Windows like to add one; it is not part of the SQL and must not
			// shift columns.
			pos = 1;
			lineStart = 1;
		}
		lineStarts[0] = lineStart;
	}

	/**
	 * All tokens of {@code sql}, comments included, in order, as an unmodifiable list.
	 */
	public static List<Token> tokenize(String sourceName, String sql) throws SqlSyntaxException {
		SqlLexer lexer = new SqlLexer(sourceName, sql);
		TokenTable tokens = new TokenTable(sql, sql.length() / 5); // comments included
		for (TokenKind kind = lexer.next(); kind != null; kind = lexer.next()) {
			tokens.add(kind, lexer.tokenOffset, lexer.pos);
		}
		tokens.finish(lexer.lines());
		return tokens.view(0, tokens.size());
	}

	/**
	 * Lexes the tokens after this call as the server does with
	 * {@code standard_conforming_strings} set to {@code on} (true, the default) or
	 * {@code off}. Only the splitter calls it, between statements, since the server
	 * applies a {@code SET} only once it has run.
	 */
	void standardConformingStrings(boolean on) {
		backslashEscapesInPlainStrings = !on;
	}

	/**
	 * Reads the next token and returns its kind, or null at the end of the script. The
	 * token is {@code [tokenOffset(), tokenEnd())}, starting at {@link #tokenLine()},
	 * {@link #tokenColumn()}.
	 */
	@Nullable TokenKind next() {
		skipWhitespace();
		if (pos >= length) {
			return null;
		}
		tokenOffset = pos;
		tokenLine = line;
		tokenColumn = pos - lineStart + 1;
		char c = sql.charAt(pos);
		switch (c) {
			case '\'':
				return string(0, backslashEscapesInPlainStrings);
			case '"':
				return quotedIdentifier(0);
			case '$':
				return dollar();
			case '\\':
				throw metaCommand();
			case '(':
			case ')':
			case '[':
			case ']':
			case ',':
			case ';':
				return single(TokenKind.PUNCTUATION);
			case ':':
				return colon();
			case '.':
				return isDigit(peek(1)) ? number() : single(TokenKind.PUNCTUATION);
			case '-':
				return peek(1) == '-' ? lineComment() : operator();
			case '/':
				return peek(1) == '*' ? blockComment() : operator();
			default:
				if (isIdentifierStart(c)) { // most tokens are words; the three classes do
											// not overlap
					return wordOrPrefixedLiteral(c);
				}
				if (isDigit(c)) {
					return number();
				}
				if (isOperatorChar(c)) {
					return operator();
				}
				throw unexpectedCharacter(c);
		}
	}

	private void skipWhitespace() {
		while (pos < length) {
			char c = sql.charAt(pos);
			if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B') {
				pos++;
			}
			else if (c == '\n' || c == '\r') {
				lineBreakAt(pos);
				pos++;
			}
			else {
				return;
			}
		}
	}

	/**
	 * Records a line break if the char at {@code i} ends a line. {@code \r\n} counts once
	 * (at the {@code \n}); a lone {@code \r} counts too. Callers pass every char they
	 * step over inside multi-line tokens.
	 */
	private void lineBreakAt(int i) {
		char c = sql.charAt(i);
		if (c == '\n' || (c == '\r' && (i + 1 >= length || sql.charAt(i + 1) != '\n'))) {
			line++;
			lineStart = i + 1;
			if (line > lineStarts.length) {
				lineStarts = Arrays.copyOf(lineStarts, lineStarts.length * 2);
			}
			lineStarts[line - 1] = lineStart;
		}
	}

	/** Steps over {@code [pos, end)} counting line breaks; for bodies found by search. */
	private void advanceTo(int end) {
		for (int i = pos; i < end; i++) {
			char c = sql.charAt(i);
			if (c == '\n' || c == '\r') {
				lineBreakAt(i);
			}
		}
		pos = end;
	}

	int tokenOffset() {
		return tokenOffset;
	}

	/** Offset just past the token last read. */
	int tokenEnd() {
		return pos;
	}

	int tokenLine() {
		return tokenLine;
	}

	int tokenColumn() {
		return tokenColumn;
	}

	/**
	 * Line on which the token last read ends (its line breaks are counted, whitespace
	 * after it not yet).
	 */
	int tokenEndLine() {
		return line;
	}

	/**
	 * Where the lines read so far start; for the whole script once {@link #next()}
	 * returned null.
	 */
	LineIndex lines() {
		return new LineIndex(lineStarts, line);
	}

	/** The token last read, as an object. */
	Token token() {
		return new Token(kindOfLastToken, sql, tokenOffset, pos, tokenLine, tokenColumn);
	}

	private TokenKind token(TokenKind kind) {
		kindOfLastToken = kind;
		return kind;
	}

	private TokenKind single(TokenKind kind) {
		pos++;
		return token(kind);
	}

	// --- comments
	// -----------------------------------------------------------------------------

	private TokenKind lineComment() {
		int i = pos + 2;
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '\n' || c == '\r') {
				break; // the break belongs to whitespace, so the comment text is one
						// clean line
			}
			i++;
		}
		pos = i;
		return token(TokenKind.LINE_COMMENT);
	}

	/** PostgreSQL block comments nest, unlike the SQL standard's. */
	private TokenKind blockComment() {
		int depth = 1;
		int i = pos + 2;
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '*' && i + 1 < length && sql.charAt(i + 1) == '/') {
				i += 2;
				if (--depth == 0) {
					pos = i;
					return token(TokenKind.BLOCK_COMMENT);
				}
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				i += 2;
				depth++;
			}
			else {
				if (c == '\n' || c == '\r') {
					lineBreakAt(i);
				}
				i++;
			}
		}
		throw unterminated("unterminated block comment",
				"close it with */ (block comments nest: each /* needs its own */)");
	}

	// --- strings and quoted identifiers
	// ----------------------------------------------------------

	/**
	 * A single-quoted constant after a prefix of {@code prefixLength} chars ({@code E},
	 * {@code U&} ...). A doubled quote is a quote; in escape strings a backslash also
	 * escapes the next char.
	 */
	private TokenKind string(int prefixLength, boolean backslashEscapes) {
		int i = pos + prefixLength + 1;
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '\'') {
				if (i + 1 < length && sql.charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				pos = i + 1;
				return token(TokenKind.STRING);
			}
			if (c == '\\' && backslashEscapes && i + 1 < length) {
				i++; // the escaped char may itself be a line break
				c = sql.charAt(i);
			}
			if (c == '\n' || c == '\r') {
				lineBreakAt(i);
			}
			i++;
		}
		throw unterminated("unterminated string literal starting here",
				"close it, or check for a missing quote above (double a quote to escape it: 'it''s')");
	}

	private TokenKind quotedIdentifier(int prefixLength) {
		int i = pos + prefixLength + 1;
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '"') {
				if (i + 1 < length && sql.charAt(i + 1) == '"') {
					i += 2;
					continue;
				}
				pos = i + 1;
				return token(TokenKind.QUOTED_IDENTIFIER);
			}
			if (c == '\n' || c == '\r') {
				lineBreakAt(i);
			}
			i++;
		}
		throw unterminated("unterminated quoted identifier",
				"close it, or check for a missing double quote above (double it to escape it: \"a\"\"b\")");
	}

	/**
	 * {@code $1}, {@code $$..$$}, {@code $tag$..$tag$}, or a lone {@code $} (PostgreSQL
	 * rejects it).
	 */
	private TokenKind dollar() {
		char next = peek(1);
		if (isDigit(next)) {
			int i = pos + 1;
			while (i < length && isDigit(sql.charAt(i))) {
				i++;
			}
			pos = i;
			return token(TokenKind.PARAMETER);
		}
		int tagEnd = pos + 1; // index of the closing '$' of the opening delimiter
		if (next != '$') {
			if (!isIdentifierStart(next)) {
				return single(TokenKind.OPERATOR);
			}
			tagEnd = pos + 2;
			while (tagEnd < length && isTagChar(sql.charAt(tagEnd))) {
				tagEnd++;
			}
			if (tagEnd >= length || sql.charAt(tagEnd) != '$') {
				return single(TokenKind.OPERATOR); // "$foo" without a closing '$' is not
													// a quote
			}
		}
		String delimiter = sql.substring(pos, tagEnd + 1);
		// Only the exact same tag closes, so other $tags$ inside are plain text of this
		// string.
		int close = sql.indexOf(delimiter, tagEnd + 1);
		if (close < 0) {
			throw unterminated("unterminated dollar-quoted string " + delimiter,
					"close it with " + delimiter + " (the closing tag must match the opening one exactly)");
		}
		advanceTo(close + delimiter.length());
		return token(TokenKind.DOLLAR_STRING);
	}

	// --- words, numbers, operators
	// ----------------------------------------------------------------

	/**
	 * An identifier or keyword, unless it is the prefix of E'', B'', X'', N'', U&'' or
	 * U&"".
	 */
	private TokenKind wordOrPrefixedLiteral(char c) {
		char next = peek(1);
		switch (c) {
			case 'E':
			case 'e':
				if (next == '\'') {
					return string(1, true);
				}
				break;
			case 'N':
			case 'n':
				if (next == '\'') {
					return string(1, backslashEscapesInPlainStrings); // a national string
																		// is a plain one
				}
				break;
			case 'B':
			case 'b':
			case 'X':
			case 'x':
				if (next == '\'') {
					return string(1, false); // bit strings never take backslash escapes
				}
				break;
			case 'U':
			case 'u':
				if (next == '&') {
					char quote = peek(2);
					if (quote == '\'') {
						return string(2, false); // a UESCAPE clause, if any, follows as
													// ordinary tokens
					}
					if (quote == '"') {
						return quotedIdentifier(2);
					}
				}
				break;
			default:
				break;
		}
		int i = pos + 1;
		while (i < length && isIdentifierPart(sql.charAt(i))) {
			i++;
		}
		pos = i;
		return token(TokenKind.WORD);
	}

	/**
	 * Integers (with {@code _} separators and 0x/0o/0b prefixes), decimals and reals.
	 * Junk right after a number ends it; PostgreSQL reports such junk itself.
	 * {@code 1..2} reads as {@code 1}, {@code .}, {@code .2}, as the server does.
	 */
	private TokenKind number() {
		int i = pos;
		char c = sql.charAt(i);
		if (c == '0' && i + 2 < length) {
			int radix = radixOf(sql.charAt(i + 1));
			if (radix != 0 && isRadixDigitOrUnderscore(sql.charAt(i + 2), radix)) {
				i += 2;
				while (i < length && isRadixDigitOrUnderscore(sql.charAt(i), radix)) {
					i++;
				}
				pos = i;
				return token(TokenKind.NUMBER);
			}
		}
		i = digits(i);
		if (i < length && sql.charAt(i) == '.' && (i + 1 >= length || sql.charAt(i + 1) != '.')) {
			i = digits(i + 1);
		}
		if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
			int j = i + 1;
			if (j < length && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
				j++;
			}
			if (j < length && isDigit(sql.charAt(j))) {
				i = digits(j);
			}
		}
		pos = i;
		return token(TokenKind.NUMBER);
	}

	/** Skips decimal digits with single {@code _} separators between them. */
	private int digits(int i) {
		while (i < length) {
			char c = sql.charAt(i);
			boolean separator = c == '_' && isDigit(sql.charAt(i - 1)) && i + 1 < length && isDigit(sql.charAt(i + 1));
			if (isDigit(c) || separator) {
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

	private static int radixOf(char c) {
		switch (c) {
			case 'x':
			case 'X':
				return 16;
			case 'o':
			case 'O':
				return 8;
			case 'b':
			case 'B':
				return 2;
			default:
				return 0;
		}
	}

	private static boolean isRadixDigitOrUnderscore(char c, int radix) {
		return c == '_' || Character.digit(c, radix) >= 0 && c < 128;
	}

	/**
	 * {@code ::} cast, {@code :=} assignment, else a lone colon (array slices, psql
	 * variables).
	 */
	private TokenKind colon() {
		char next = peek(1);
		if (next == ':' || next == '=') {
			pos += 2;
			return token(TokenKind.OPERATOR);
		}
		return single(TokenKind.PUNCTUATION);
	}

	/**
	 * A run of operator chars, cut where a comment starts. Like the server, a multi-char
	 * operator may end in {@code +} or {@code -} only if it contains one of
	 * {@code ~ ! @ # % ^ & | ` ?}, so {@code =-1} is {@code =} then {@code -}.
	 */
	private TokenKind operator() {
		int i = pos + 1;
		boolean special = isSpecialOperatorChar(sql.charAt(pos));
		while (i < length) {
			char c = sql.charAt(i);
			if (!isOperatorChar(c)) {
				break;
			}
			char after = i + 1 < length ? sql.charAt(i + 1) : '\0';
			if ((c == '-' && after == '-') || (c == '/' && after == '*')) {
				break;
			}
			special |= isSpecialOperatorChar(c);
			i++;
		}
		if (!special) {
			while (i - pos > 1 && (sql.charAt(i - 1) == '+' || sql.charAt(i - 1) == '-')) {
				i--;
			}
		}
		pos = i;
		return token(TokenKind.OPERATOR);
	}

	// --- errors
	// -----------------------------------------------------------------------------------

	/**
	 * psql (not the server) runs backslash commands; outside strings a backslash is one.
	 */
	private SqlSyntaxException metaCommand() {
		int i = pos + 1;
		while (i < length && i - pos < 40 && !Character.isWhitespace(sql.charAt(i))) {
			i++;
		}
		return new SqlSyntaxException(sourceName, tokenLine, tokenColumn,
				"psql meta-command " + sql.substring(pos, i) + " is not SQL",
				"remove psql commands; Strata runs plain SQL");
	}

	private SqlSyntaxException unterminated(String problem, String hint) {
		return new SqlSyntaxException(sourceName, tokenLine, tokenColumn, problem, hint);
	}

	private SqlSyntaxException unexpectedCharacter(char c) {
		String shown = c >= ' ' && c != 127 ? "'" + c + "' " : "";
		return new SqlSyntaxException(sourceName, tokenLine, tokenColumn,
				"unexpected character " + shown + String.format("(U+%04X)", (int) c),
				"PostgreSQL would reject it too; check for text outside a string or comment");
	}

	// --- character classes
	// ----------------------------------------------------------------------

	private char peek(int ahead) {
		int i = pos + ahead;
		return i < length ? sql.charAt(i) : '\0';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** Like the server: ASCII letters, underscore, and any non-ASCII char. */
	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	/**
	 * An identifier char, or a digit or {@code $}; looked up for ASCII, as every char of
	 * every word is asked.
	 */
	private static boolean isIdentifierPart(char c) {
		return c >= 128 || IDENTIFIER_PART[c];
	}

	private static boolean[] identifierParts() {
		boolean[] parts = new boolean[128];
		for (char c = 0; c < 128; c++) {
			parts[c] = isIdentifierStart(c) || isDigit(c) || c == '$';
		}
		return parts;
	}

	/** Dollar-quote tags are identifier chars without {@code $}. */
	private static boolean isTagChar(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

	private static boolean isOperatorChar(char c) {
		switch (c) {
			case '+':
			case '-':
			case '*':
			case '/':
			case '<':
			case '>':
			case '=':
				return true;
			default:
				return isSpecialOperatorChar(c);
		}
	}

	private static boolean isSpecialOperatorChar(char c) {
		switch (c) {
			case '~':
			case '!':
			case '@':
			case '#':
			case '%':
			case '^':
			case '&':
			case '|':
			case '`':
			case '?':
				return true;
			default:
				return false;
		}
	}

}

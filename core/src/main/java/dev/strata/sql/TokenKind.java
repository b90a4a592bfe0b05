package dev.strata.sql;

/** The kinds of token the PostgreSQL lexer produces. Whitespace is not a token. */
public enum TokenKind {

	/**
	 * A keyword or an unquoted identifier (may contain {@code $} after the first
	 * character).
	 */
	WORD,
	/** {@code "quoted ""identifier"""} or {@code U&"..."}. */
	QUOTED_IDENTIFIER,
	/**
	 * {@code '..'}, {@code E'..'}, {@code U&'..'}, {@code B'..'}, {@code X'..'},
	 * {@code N'..'}.
	 */
	STRING,
	/** {@code $$..$$} or {@code $tag$..$tag$}. */
	DOLLAR_STRING,
	/** {@code 1}, {@code 1.5}, {@code .5}, {@code 1e10}, {@code 0x1F}, {@code 1_000}. */
	NUMBER,
	/** A positional parameter such as {@code $1}. */
	PARAMETER,
	/**
	 * {@code + - * / < > = ~ ! @ # % ^ & | ` ?} and runs of them, plus {@code ::} and
	 * {@code :=}.
	 */
	OPERATOR,
	/** {@code ( ) [ ] , ; . :} */
	PUNCTUATION,
	/** {@code -- up to the end of the line} (the line break is not part of it). */
	LINE_COMMENT,
	/** {@code /* ... *}{@code /}, nesting. */
	BLOCK_COMMENT

}

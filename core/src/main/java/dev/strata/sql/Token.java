package dev.strata.sql;

/**
 * One lexical token of a SQL script.
 *
 * @param kind what it is
 * @param text its exact source text (quotes, prefixes and comment markers included)
 * @param offset 0-based char offset of its first char in the script
 * @param line 1-based line of its first char
 * @param column 1-based column (in UTF-16 chars) of its first char
 */
public record Token(TokenKind kind, String text, int offset, int line, int column) {

  /** True if this is a {@link TokenKind#WORD} whose text equals {@code upperCaseWord}, ignoring case. */
  public boolean isWord(String upperCaseWord) {
    return kind == TokenKind.WORD && text.equalsIgnoreCase(upperCaseWord);
  }

  /** True for line and block comments. */
  public boolean isComment() {
    return kind == TokenKind.LINE_COMMENT || kind == TokenKind.BLOCK_COMMENT;
  }

  /** True if this is punctuation or an operator with exactly this text, e.g. {@code "("} or {@code "::"}. */
  public boolean is(String punctuationOrOperatorText) {
    return (kind == TokenKind.PUNCTUATION || kind == TokenKind.OPERATOR)
        && text.equals(punctuationOrOperatorText);
  }

  /** The 0-based char offset just past this token. */
  public int endOffset() {
    return offset + text.length();
  }
}

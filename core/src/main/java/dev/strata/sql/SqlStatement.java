package dev.strata.sql;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a script.
 *
 * @param text source text from the first significant token up to, not including, the terminating
 *     {@code ;}, comments inside kept verbatim and trailing whitespace trimmed. For a last statement
 *     without {@code ;} the text ends with its last significant token; comments after it belong to
 *     no statement.
 * @param line line of the first significant token
 * @param column column of the first significant token
 * @param endLine line on which the last significant token ends (differs from that token's
 *     {@link Token#line()} when it is a multi-line string or dollar-quoted body)
 * @param tokens the significant tokens (no comments, no terminating {@code ;}), in order
 * @param leadingComments the comments between the end of the previous statement (or the start of
 *     the script) and this statement
 */
public record SqlStatement(
    String text, int line, int column, int endLine, List<Token> tokens, List<Token> leadingComments) {

  private static final char ELLIPSIS = '…';

  public SqlStatement {
    // The splitter's token lists are unmodifiable views of its token table already; a copy would
    // make every token an object again.
    tokens = tokens instanceof TokenTable.View ? tokens : List.copyOf(tokens);
    leadingComments = List.copyOf(leadingComments);
  }

  /** The upper-cased text of {@code tokens[index]} if it is a WORD; null if not or out of range. */
  public @Nullable String keyword(int index) {
    if (index < 0 || index >= tokens.size()) {
      return null;
    }
    Token token = tokens.get(index);
    return token.kind() == TokenKind.WORD ? token.text().toUpperCase(Locale.ROOT) : null;
  }

  /**
   * The member of {@code keywords} that {@code tokens[index]} spells, or null: {@link
   * #keyword(int)} if the set contains it, found without upper-casing a copy.
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
   * The text on one line, whitespace runs collapsed to one space, cut to at most {@code maxChars}
   * chars ending in {@code …} when too long. Meant for error messages, not for execution.
   */
  public String abbreviated(int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
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
        // Too long: keep maxChars - 1 chars and the ellipsis, without a dangling space.
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
}

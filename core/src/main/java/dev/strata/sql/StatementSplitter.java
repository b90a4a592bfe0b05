package dev.strata.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a token stream into statements at each {@code ;} that is outside parentheses and outside
 * a {@code BEGIN ATOMIC ... END} routine body. It pulls tokens one at a time so that it can stop
 * at {@code COPY ... FROM stdin} before trying to lex the data rows that follow it.
 */
final class StatementSplitter {

  private final String sourceName;
  private final String sql;
  private final SqlLexer lexer;

  private final List<SqlStatement> statements = new ArrayList<>();
  private final List<Token> comments = new ArrayList<>();
  /** Comments seen since the previous statement ended; they lead the next one. */
  private List<Token> pendingComments = new ArrayList<>();

  // State of the statement being read.
  private List<Token> current = new ArrayList<>();
  private int parenDepth;
  /** 0 outside a BEGIN ATOMIC body; inside, 1 plus the open CASE / nested BEGIN ATOMIC blocks. */
  private int atomicDepth;

  StatementSplitter(String sourceName, String sql) {
    this.sourceName = sourceName;
    this.sql = sql;
    this.lexer = new SqlLexer(sourceName, sql);
  }

  SqlScript split() {
    for (Token token = lexer.next(); token != null; token = lexer.next()) {
      if (token.isComment()) {
        comments.add(token);
        if (current.isEmpty()) {
          pendingComments.add(token);
        }
      } else if (token.is(";") && parenDepth == 0 && atomicDepth == 0) {
        if (!current.isEmpty()) { // ";;" is an empty statement: nothing to run
          finish(sql.substring(current.get(0).offset(), token.offset()).stripTrailing());
        }
      } else {
        current.add(token);
        track(token);
      }
    }
    if (!current.isEmpty()) {
      Token last = current.get(current.size() - 1);
      finish(sql.substring(current.get(0).offset(), last.endOffset()));
    }
    return new SqlScript(sourceName, statements, comments);
  }

  /** Updates the nesting that decides whether a {@code ;} ends the statement. */
  private void track(Token token) {
    switch (token.kind()) {
      case PUNCTUATION:
        if (token.is("(")) {
          parenDepth++;
        } else if (token.is(")") && parenDepth > 0) {
          parenDepth--; // unbalanced is the server's error to report, not ours
        }
        break;
      case WORD:
        trackAtomicBody(token);
        if (token.isWord("STDIN")) {
          rejectCopyFromStdin();
        }
        break;
      default:
        break;
    }
  }

  /**
   * A SQL-standard routine body ({@code CREATE FUNCTION ... BEGIN ATOMIC s1; s2; END}) holds
   * semicolons. Its END is found by counting CASE ... END pairs (and nested BEGIN ATOMIC, which
   * the server rejects but must not confuse us). A bare BEGIN is not counted: it is a
   * non-reserved word that can be a column name, and only BEGIN ATOMIC opens a block here.
   */
  private void trackAtomicBody(Token token) {
    if (token.isWord("ATOMIC") && previousIsWord("BEGIN")) {
      if (atomicDepth > 0 || isRoutineDefinition()) {
        atomicDepth++;
      }
    } else if (atomicDepth > 0) {
      if (token.isWord("CASE")) {
        atomicDepth++;
      } else if (token.isWord("END")) {
        atomicDepth--;
      }
    }
  }

  private boolean previousIsWord(String word) {
    int size = current.size();
    return size >= 2 && current.get(size - 2).isWord(word);
  }

  /** CREATE [OR REPLACE] FUNCTION|PROCEDURE. */
  private boolean isRoutineDefinition() {
    if (current.isEmpty() || !current.get(0).isWord("CREATE")) {
      return false;
    }
    int i = 1;
    if (current.size() > 2 && current.get(1).isWord("OR") && current.get(2).isWord("REPLACE")) {
      i = 3;
    }
    return current.size() > i
        && (current.get(i).isWord("FUNCTION") || current.get(i).isWord("PROCEDURE"));
  }

  private void finish(String text) {
    Token first = current.get(0);
    Token last = current.get(current.size() - 1);
    statements.add(new SqlStatement(text, first.line(), first.column(), endLine(last), current,
        pendingComments));
    current = new ArrayList<>();
    pendingComments = new ArrayList<>();
    parenDepth = 0;
    atomicDepth = 0;
  }

  /**
   * The rows after {@code COPY ... FROM stdin} are streamed by psql, not SQL. Reject the statement
   * as soon as its FROM STDIN is read, before the lexer reaches the data (and even if the {@code ;}
   * is missing), rather than fail later with a confusing error somewhere in the rows.
   */
  private void rejectCopyFromStdin() {
    Token first = current.get(0);
    // FROM stdin inside "COPY (query) TO ..." reads a table named stdin
    if (first.isWord("COPY") && parenDepth == 0 && previousIsWord("FROM")) {
      throw new SqlSyntaxException(sourceName, first.line(), first.column(),
          "COPY ... FROM stdin needs psql to stream data",
          "load data with INSERT statements or COPY FROM a server file");
    }
  }

  /** The line on which {@code token} ends: its start line plus the line breaks in its text. */
  private static int endLine(Token token) {
    String text = token.text();
    int line = token.line();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }
}

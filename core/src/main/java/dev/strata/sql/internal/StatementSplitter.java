package dev.strata.sql.internal;

import java.util.ArrayList;
import java.util.List;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.SqlSyntaxException;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;

/**
 * Splits a token stream into statements at each {@code ;} that is outside parentheses and
 * outside a {@code BEGIN ATOMIC ... END} routine body. It pulls tokens one at a time so
 * that it can stop at {@code COPY ... FROM stdin} before trying to lex the data rows that
 * follow it.
 */
public final class StatementSplitter {

	private final String sourceName;

	private final String sql;

	private final SqlLexer lexer;

	/**
	 * The significant tokens of every statement, back to back; each statement is a view
	 * of a range.
	 */
	private final TokenTable tokens;

	private final List<SqlStatement> statements = new ArrayList<>();

	private final List<Token> comments = new ArrayList<>();

	/** Comments seen since the previous statement ended; they lead the next one. */
	private final List<Token> pendingComments = new ArrayList<>();

	// State of the statement being read: its tokens are tokens[currentStart,
	// tokens.size()).
	private int currentStart;

	/** Line and column of the statement's first token. */
	private int currentLine;

	private int currentColumn;

	/** Line on which the statement's last token so far ends. */
	private int currentEndLine;

	private int parenDepth;

	/**
	 * 0 outside a BEGIN ATOMIC body; inside, 1 plus the open CASE / nested BEGIN ATOMIC
	 * blocks.
	 */
	private int atomicDepth;

	// What the statement starts with, so that the words after it are tested only for what
	// matters:
	// BEGIN ATOMIC opens a body only in CREATE FUNCTION|PROCEDURE, FROM STDIN matters
	// only in COPY.
	private boolean startsWithCreate;

	private boolean startsWithCopy;

	/**
	 * SET or RESET, which may change standard_conforming_strings for the statements after
	 * it.
	 */
	private boolean startsWithSetOrReset;

	public StatementSplitter(String sourceName, String sql) {
		this.sourceName = sourceName;
		this.sql = sql;
		this.lexer = new SqlLexer(sourceName, sql);
		this.tokens = new TokenTable(sql, sql.length() / 6); // real DDL averages about 7
																// chars a token
	}

	public SqlScript split() {
		for (TokenKind kind = lexer.next(); kind != null; kind = lexer.next()) {
			if (kind == TokenKind.LINE_COMMENT || kind == TokenKind.BLOCK_COMMENT) {
				Token comment = lexer.token();
				comments.add(comment);
				if (currentIsEmpty()) {
					pendingComments.add(comment);
				}
			}
			else if (kind == TokenKind.PUNCTUATION && lastCharIs(';') && parenDepth == 0 && atomicDepth == 0) {
				if (!currentIsEmpty()) { // ";;" is an empty statement: nothing to run
					finish(stripTrailingWhitespace(tokens.offset(currentStart), lexer.tokenOffset()));
				}
			}
			else {
				if (currentIsEmpty()) {
					currentLine = lexer.tokenLine();
					currentColumn = lexer.tokenColumn();
				}
				tokens.add(kind, lexer.tokenOffset(), lexer.tokenEnd());
				currentEndLine = lexer.tokenEndLine();
				track(kind);
			}
		}
		if (!currentIsEmpty()) {
			finish(tokens.end(tokens.size() - 1));
		}
		tokens.finish(lexer.lines());
		return new SqlScript(sourceName, statements, comments);
	}

	private boolean currentIsEmpty() {
		return tokens.size() == currentStart;
	}

	/** Whether the one-char token just read is {@code c}. */
	private boolean lastCharIs(char c) {
		return lexer.tokenEnd() - lexer.tokenOffset() == 1 && sql.charAt(lexer.tokenOffset()) == c;
	}

	/** Updates the nesting that decides whether a {@code ;} ends the statement. */
	private void track(TokenKind kind) {
		switch (kind) {
			case PUNCTUATION:
				if (lastCharIs('(')) {
					parenDepth++;
				}
				else if (lastCharIs(')') && parenDepth > 0) {
					parenDepth--; // unbalanced is the server's error to report, not ours
				}
				break;
			case WORD:
				int last = tokens.size() - 1;
				if (last == currentStart) {
					startsWithCreate = tokens.isWord(last, "CREATE");
					startsWithCopy = tokens.isWord(last, "COPY");
					startsWithSetOrReset = tokens.isWord(last, "SET") || tokens.isWord(last, "RESET");
				}
				else if (startsWithCreate) {
					trackAtomicBody(last);
				}
				else if (startsWithCopy && tokens.isWord(last, "STDIN")) {
					rejectCopyFromStdin();
				}
				break;
			default:
				break;
		}
	}

	/**
	 * A SQL-standard routine body ({@code CREATE FUNCTION ... BEGIN ATOMIC s1; s2; END})
	 * holds semicolons. Its END is found by counting CASE ... END pairs (and nested BEGIN
	 * ATOMIC, which the server rejects but must not confuse us). A bare BEGIN is not
	 * counted: it is a non-reserved word that can be a column name, and only BEGIN ATOMIC
	 * opens a block here.
	 */
	private void trackAtomicBody(int word) {
		if (tokens.isWord(word, "ATOMIC") && previousIsWord("BEGIN")) {
			if (atomicDepth > 0 || isRoutineDefinition()) {
				atomicDepth++;
			}
		}
		else if (atomicDepth > 0) {
			if (tokens.isWord(word, "CASE")) {
				atomicDepth++;
			}
			else if (tokens.isWord(word, "END")) {
				atomicDepth--;
			}
		}
	}

	/** Whether the token before the last one of the current statement is this word. */
	private boolean previousIsWord(String word) {
		int previous = tokens.size() - 2;
		return previous >= currentStart && tokens.isWord(previous, word);
	}

	/** CREATE [OR REPLACE] FUNCTION|PROCEDURE. */
	private boolean isRoutineDefinition() {
		int size = tokens.size() - currentStart;
		if (size == 0 || !tokens.isWord(currentStart, "CREATE")) {
			return false;
		}
		int i = 1;
		if (size > 2 && tokens.isWord(currentStart + 1, "OR") && tokens.isWord(currentStart + 2, "REPLACE")) {
			i = 3;
		}
		return size > i
				&& (tokens.isWord(currentStart + i, "FUNCTION") || tokens.isWord(currentStart + i, "PROCEDURE"));
	}

	/**
	 * Ends the statement being read; its text ends at {@code textEnd}, where it is cut
	 * out when asked.
	 */
	private void finish(int textEnd) {
		int end = tokens.size();
		List<Token> leading = pendingComments.isEmpty() ? List.of() : List.copyOf(pendingComments);
		statements.add(new SqlStatement(sql, tokens.offset(currentStart), textEnd, currentLine, currentColumn,
				currentEndLine, tokens.view(currentStart, end), leading));
		if (startsWithSetOrReset) {
			Boolean on = StandardConformingStrings.setBy(sql, tokens, currentStart, end);
			if (on != null) {
				lexer.standardConformingStrings(on); // the lexer has not read past this
														// statement's ';' yet
			}
		}
		currentStart = end;
		pendingComments.clear();
		parenDepth = 0;
		atomicDepth = 0;
		startsWithCreate = false;
		startsWithCopy = false;
		startsWithSetOrReset = false;
	}

	/**
	 * {@code end} moved back over whitespace, as {@link String#stripTrailing} would cut
	 * it.
	 */
	private int stripTrailingWhitespace(int start, int end) {
		while (end > start && Character.isWhitespace(sql.charAt(end - 1))) {
			end--;
		}
		return end;
	}

	/**
	 * The rows after {@code COPY ... FROM stdin} are streamed by psql, not SQL. Reject
	 * the statement as soon as its FROM STDIN is read, before the lexer reaches the data
	 * (and even if the {@code ;} is missing), rather than fail later with a confusing
	 * error somewhere in the rows.
	 */
	private void rejectCopyFromStdin() {
		// FROM stdin inside "COPY (query) TO ..." reads a table named stdin
		if (tokens.isWord(currentStart, "COPY") && parenDepth == 0 && previousIsWord("FROM")) {
			throw new SqlSyntaxException(sourceName, currentLine, currentColumn,
					"COPY ... FROM stdin needs psql to stream data",
					"load data with INSERT statements or COPY FROM a server file");
		}
	}

}

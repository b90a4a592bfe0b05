package dev.strata.sql;

/**
 * A script that Strata cannot split safely: the facts are fields, the message is built
 * from them in one place ({@code <sourceName>:<line>:<column>: <problem>. <hint>}).
 */
public final class SqlSyntaxException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String sourceName;

	private final int line;

	private final int column;

	private final String problem;

	private final String hint;

	public SqlSyntaxException(String sourceName, int line, int column, String problem, String hint) {
		super(message(sourceName, line, column, problem, hint));
		this.sourceName = sourceName;
		this.line = line;
		this.column = column;
		this.problem = problem;
		this.hint = hint;
	}

	private static String message(String sourceName, int line, int column, String problem, String hint) {
		return sourceName + ":" + line + ":" + column + ": " + problem + ". " + hint;
	}

	/** The script's name, as given to the lexer (usually a file or resource name). */
	public String sourceName() {
		return sourceName;
	}

	/** 1-based line where the problem starts. */
	public int line() {
		return line;
	}

	/** 1-based column where the problem starts. */
	public int column() {
		return column;
	}

	/** What is wrong, e.g. {@code unterminated dollar-quoted string $body$}. */
	public String problem() {
		return problem;
	}

	/** What to do about it. */
	public String hint() {
		return hint;
	}

}

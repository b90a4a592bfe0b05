package dev.strata.execute;

import java.sql.SQLException;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.jspecify.annotations.Nullable;
import dev.strata.execute.internal.ServerRefusals;

/**
 * A statement of a migration failed. Names the file, the line, the statement and
 * PostgreSQL's message and SQLState, and says what state the database was left in. Its
 * category is {@link ErrorCategory#MIGRATION_FAILED}, or
 * {@link ErrorCategory#CONFIGURATION} when the role lacks a privilege or the server is
 * read-only (see {@link ServerRefusals}).
 */
public class MigrationFailedException extends StrataException {

	private final String migration;

	private final String file;

	private final int line;

	private final String statement;

	private final @Nullable String sqlState;

	private final String serverMessage;

	private final boolean rolledBack;

	public MigrationFailedException(String migration, String file, int line, String statement, SQLException cause,
			boolean rolledBack, String outcome, @Nullable String hint) {
		super(category(cause), message(migration, file, line, statement, cause, outcome, hint), cause);
		this.migration = migration;
		this.file = file;
		this.line = line;
		this.statement = statement;
		this.sqlState = cause.getSQLState();
		this.serverMessage = serverMessage(cause);
		this.rolledBack = rolledBack;
	}

	/**
	 * A missing privilege or a read-only server is the configuration's fault, not the
	 * migration's: exit code 2, not 5.
	 */
	private static ErrorCategory category(SQLException cause) {
		return ServerRefusals.isConfigurationProblem(cause.getSQLState()) ? ErrorCategory.CONFIGURATION
				: ErrorCategory.MIGRATION_FAILED;
	}

	private static String message(String migration, String file, int line, String statement, SQLException cause,
			String outcome, @Nullable String hint) {
		StringBuilder message = new StringBuilder();
		message.append("Migration ").append(migration).append(" failed at ").append(file).append(':').append(line);
		message.append("\n  statement:  ").append(statement);
		message.append("\n  PostgreSQL: ").append(serverMessage(cause));
		if (cause.getSQLState() != null) {
			message.append(" (SQLState ").append(cause.getSQLState()).append(')');
		}
		message.append("\n  ").append(outcome);
		if (hint != null) {
			message.append("\n  Hint: ").append(hint);
		}
		return message.toString();
	}

	static String serverMessage(SQLException cause) {
		String message = String.valueOf(cause.getMessage());
		// The driver prefixes "ERROR: " and may append "Position: n" or "Where: …" lines;
		// keep the first line.
		if (message.startsWith("ERROR: ")) {
			message = message.substring("ERROR: ".length());
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/** The migration, as {@code V3 (add orders)}. */
	public String migration() {
		return this.migration;
	}

	public String file() {
		return this.file;
	}

	public int line() {
		return this.line;
	}

	/** The statement, shortened to one line. */
	public String statement() {
		return this.statement;
	}

	public @Nullable String sqlState() {
		return this.sqlState;
	}

	public String serverMessage() {
		return this.serverMessage;
	}

	/** Whether the migration's transaction was rolled back, leaving no trace of it. */
	public boolean rolledBack() {
		return this.rolledBack;
	}

}

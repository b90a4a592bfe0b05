package dev.strata.migration.sql;

import java.util.ArrayList;
import java.util.List;

import dev.strata.migration.Migration;
import dev.strata.migration.MigrationDirectives;
import dev.strata.migration.MigrationKind;
import dev.strata.migration.PreparedMigration;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationNames;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.SqlSyntaxException;
import org.jspecify.annotations.Nullable;
import dev.strata.migration.sql.internal.CommittingRoutines;
import dev.strata.migration.sql.internal.DirectiveParser;
import dev.strata.migration.sql.internal.NonTransactionalStatements;
import dev.strata.migration.sql.internal.TransactionControl;

/**
 * A migration written as a SQL file: split into statements by Strata's lexer, configured
 * by {@code strata:} comments, and run in one transaction unless a statement (or the
 * file's directive) needs it to run outside one.
 */
public final class SqlMigration implements Migration {

	private final MigrationFile file;

	private final PlaceholderContext placeholders;

	/** The undo file of this versioned migration, if it has one. */
	private final @Nullable MigrationFile undoFile;

	/** Whether this is an undo file rather than a migration. */
	private final boolean undo;

	/** A file run as written, with no placeholder replaced. */
	public SqlMigration(MigrationFile file) {
		this(file, PlaceholderContext.none());
	}

	/** A file whose placeholders are replaced from {@code placeholders}. */
	public SqlMigration(MigrationFile file, PlaceholderContext placeholders) {
		this(file, placeholders, null);
	}

	/**
	 * A versioned file with the undo file that reverts it
	 * ({@code U<version>__<description>.sql}), or none.
	 */
	public SqlMigration(MigrationFile file, PlaceholderContext placeholders, @Nullable MigrationFile undoFile) {
		this(file, placeholders, undoFile, false);
	}

	private SqlMigration(MigrationFile file, PlaceholderContext placeholders, @Nullable MigrationFile undoFile,
			boolean undo) {
		this.file = file;
		this.placeholders = placeholders;
		this.undoFile = undoFile;
		this.undo = undo;
	}

	/**
	 * The undo file as a migration of kind {@link MigrationKind#SQL_UNDO}: prepared,
	 * judged and run as any SQL file, recorded as {@code UNDO_SQL}.
	 */
	@Override
	public @Nullable Migration undo() {
		return (this.undoFile != null) ? new SqlMigration(this.undoFile, this.placeholders, null, true) : null;
	}

	/** The file as read. */
	public MigrationFile file() {
		return this.file;
	}

	@Override
	public MigrationKind kind() {
		return this.undo ? MigrationKind.SQL_UNDO : MigrationKind.SQL;
	}

	@Override
	public MigrationType type() {
		return this.file.type();
	}

	@Override
	public @Nullable Version version() {
		return this.file.version();
	}

	@Override
	public String description() {
		return this.file.description();
	}

	@Override
	public String script() {
		return this.file.script();
	}

	@Override
	public String location() {
		return this.file.location();
	}

	@Override
	public int checksum() {
		return this.file.checksum();
	}

	/**
	 * The statements of a SQL migration, split but not checked, for messages about what
	 * ran; {@code null} for another kind of migration or a file that no longer splits.
	 */
	public static @Nullable List<SqlStatement> statementsOf(Migration migration) {
		if (!(migration instanceof SqlMigration sql)) {
			return null;
		}
		try {
			return SqlScript.parse(sql.location(), sql.content()).statements();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The text to run: {@link MigrationFile#content()} with its placeholders replaced.
	 * @throws MigrationSourceException naming file and line of a placeholder without a
	 * value
	 */
	public String content() {
		String script = this.file.script();
		return this.placeholders.replace(this.file.content(), this.file.location(),
				script.substring(script.lastIndexOf('/') + 1));
	}

	/**
	 * Splits the file and reads its directives.
	 * @throws SqlSyntaxException naming the file and line of a statement it cannot split
	 * @throws MigrationSourceException naming the file and line of a directive or
	 * statement that cannot run as written
	 */
	@Override
	public PreparedMigration prepare() {
		return prepare(SqlScript.parse(this.file.location(), content()));
	}

	/**
	 * Prepares the file already split into {@code script}. @throws
	 * MigrationSourceException
	 */
	public PreparedMigration prepare(SqlScript script) {
		MigrationFile file = this.file;
		MigrationDirectives directives = DirectiveParser.read(script, file.location());
		List<SqlStatement> statements = script.statements();
		if (directives.noTransaction()) {
			refuseUnendedBlock(file, statements);
			return PreparedMigration.ofStatements(this, statements, directives, false,
					"strata:no-transaction directive");
		}
		refuseTransactionControl(file, statements);
		String committing = CommittingRoutines.reason(statements);
		if (committing != null) {
			// Not refused alongside other statements, unlike CREATE INDEX CONCURRENTLY: a
			// body that commits
			// already splits the file into transactions of the author's choosing.
			return PreparedMigration.ofStatements(this, statements, directives, false, committing);
		}
		SqlStatement nonTransactional = null;
		String reason = null;
		SqlStatement ordinary = null;
		for (SqlStatement statement : statements) {
			String why = NonTransactionalStatements.reason(statement);
			if (why != null) {
				if (nonTransactional == null) {
					nonTransactional = statement;
					reason = why;
				}
			}
			else if (ordinary == null && !NonTransactionalStatements.isSessionSetting(statement)) {
				ordinary = statement;
			}
		}
		if (nonTransactional == null) {
			return PreparedMigration.ofStatements(this, statements, directives, true, "");
		}
		if (ordinary != null) {
			throw new MigrationSourceException(file.location() + ":" + nonTransactional.line(),
					"mixes " + reason + ", which PostgreSQL cannot run inside a transaction, with statements that"
							+ " should (line " + ordinary.line() + ": " + ordinary.abbreviated(60) + ")",
					"move the " + reason + " into a migration file of its own; Strata runs such a file outside a"
							+ " transaction, statement by statement");
		}
		return PreparedMigration.ofStatements(this, statements, directives, false,
				reason + " at line " + nonTransactional.line());
	}

	/**
	 * A {@code COMMIT} (or any other transaction command) inside Strata's transaction
	 * would make part of the file permanent while the rest, and its history row, could
	 * still roll back.
	 */
	private static void refuseTransactionControl(MigrationFile file, List<SqlStatement> statements) {
		List<SqlStatement> commands = null;
		for (SqlStatement statement : statements) {
			if (TransactionControl.of(statement) != null) {
				if (commands == null) {
					commands = new ArrayList<>();
				}
				commands.add(statement);
			}
		}
		if (commands == null) {
			return;
		}
		StringBuilder listed = new StringBuilder();
		for (SqlStatement command : commands) {
			listed.append((listed.length() > 0) ? "; " : "")
				.append("line ")
				.append(command.line())
				.append(": ")
				.append(command.abbreviated(60));
		}
		throw new MigrationSourceException(file.location() + ":" + commands.get(0).line(),
				"controls its transaction itself (" + listed + "), but runs inside the transaction Strata opens"
						+ " around each migration, where a COMMIT would apply part of the file while the rest could"
						+ " still roll back",
				"remove the transaction commands and let Strata's transaction make the file atomic, or, if the file"
						+ " manages its own transactions, add the line '-- strata:no-transaction' at the top of the"
						+ " file: it then runs as written, statement by statement");
	}

	/**
	 * A file that runs as written must not leave its own transaction block open: the
	 * migrations and the history rows written after it would join the block, and all of
	 * it would roll back when the connection closes.
	 */
	private static void refuseUnendedBlock(MigrationFile file, List<SqlStatement> statements) {
		SqlStatement opened = TransactionControl.unendedBlock(statements);
		if (opened != null) {
			throw new MigrationSourceException(file.location() + ":" + opened.line(),
					"opens a transaction block (" + opened.abbreviated(60) + ") that it never ends",
					"end the block with COMMIT before the end of the file");
		}
	}

	@Override
	public String displayName() {
		return this.undo ? MigrationNames.undo(String.valueOf(this.file.version()), this.file.description())
				: Migration.super.displayName();
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof SqlMigration other && this.file.equals(other.file) && this.undo == other.undo;
	}

	@Override
	public int hashCode() {
		return this.file.hashCode();
	}

	@Override
	public String toString() {
		return this.file.toString();
	}

}

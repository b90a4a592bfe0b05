package dev.strata.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.strata.source.MigrationDirectives;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationSourceException;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.SqlSyntaxException;

/**
 * Reads, splits and checks every pending migration before the first one runs, so that a
 * bad file anywhere means nothing is applied. Collects every problem instead of stopping
 * at the first.
 */
public final class MigrationPreparer {

	/**
	 * @throws MigrationPreparationException listing every file that cannot run
	 */
	public List<PreparedMigration> prepare(List<MigrationFile> pending) {
		return prepare(pending, Function.identity());
	}

	/**
	 * As {@link #prepare(List)}, handing each migration to {@code then} as soon as it is
	 * prepared and keeping what {@code then} makes of it: a caller that needs the
	 * statements only briefly never holds every file's at once.
	 * @throws MigrationPreparationException listing every file that cannot run
	 */
	public <T> List<T> prepare(List<MigrationFile> pending, Function<PreparedMigration, T> then) {
		List<T> prepared = new ArrayList<>(pending.size());
		List<String> errors = new ArrayList<>();
		for (MigrationFile file : pending) {
			PreparedMigration migration;
			try {
				migration = prepare(file);
			}
			catch (SqlSyntaxException | MigrationSourceException ex) {
				errors.add(ex.getMessage());
				continue;
			}
			prepared.add(then.apply(migration));
		}
		if (!errors.isEmpty()) {
			throw new MigrationPreparationException(errors);
		}
		return prepared;
	}

	/** Prepares one file. @throws SqlSyntaxException, MigrationSourceException */
	public PreparedMigration prepare(MigrationFile file) {
		return prepare(file, SqlScript.parse(file.location(), file.content()));
	}

	/**
	 * Prepares one file already split into {@code script}. @throws
	 * MigrationSourceException
	 */
	public PreparedMigration prepare(MigrationFile file, SqlScript script) {
		MigrationDirectives directives = MigrationDirectives.read(script, file.location());
		List<SqlStatement> statements = script.statements();
		if (directives.noTransaction()) {
			refuseUnendedBlock(file, statements);
			return new PreparedMigration(file, statements, directives, false, "strata:no-transaction directive");
		}
		refuseTransactionControl(file, statements);
		String committing = CommittingRoutines.reason(statements);
		if (committing != null) {
			// Not refused alongside other statements, unlike CREATE INDEX CONCURRENTLY: a
			// body that commits
			// already splits the file into transactions of the author's choosing.
			return new PreparedMigration(file, statements, directives, false, committing);
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
			return new PreparedMigration(file, statements, directives, true, "");
		}
		if (ordinary != null) {
			throw new MigrationSourceException(file.location() + ":" + nonTransactional.line(),
					"mixes " + reason + ", which PostgreSQL cannot run inside a transaction, with statements that"
							+ " should (line " + ordinary.line() + ": " + ordinary.abbreviated(60) + ")",
					"move the " + reason + " into a migration file of its own; Strata runs such a file outside a"
							+ " transaction, statement by statement");
		}
		return new PreparedMigration(file, statements, directives, false,
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

}

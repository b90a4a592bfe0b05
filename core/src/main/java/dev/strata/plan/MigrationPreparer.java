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
 * Reads, splits and checks every pending migration before the first one runs, so that a bad file
 * anywhere means nothing is applied. Collects every problem instead of stopping at the first.
 */
public final class MigrationPreparer {

	/**
	 * @throws MigrationPreparationException listing every file that cannot run
	 */
	public List<PreparedMigration> prepare(List<MigrationFile> pending) {
		return prepare(pending, Function.identity());
	}

	/**
	 * As {@link #prepare(List)}, handing each migration to {@code then} as soon as it is prepared and
	 * keeping what {@code then} makes of it: a caller that needs the statements only briefly never
	 * holds every file's at once.
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
		SqlScript script = SqlScript.parse(file.location(), file.content());
		MigrationDirectives directives = MigrationDirectives.read(script, file.location());
		List<SqlStatement> statements = script.statements();
		if (directives.noTransaction()) {
			return new PreparedMigration(file, statements, directives, false, "strata:no-transaction directive");
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

}

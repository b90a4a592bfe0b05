package dev.strata.migration;

import dev.strata.source.MigrationNames;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;

/**
 * One migration, of any kind: what the history records of it, and what it does. A SQL
 * file is one kind ({@link dev.strata.migration.sql.SqlMigration}); a
 * {@link MigrationResolver} finds migrations of its kind. The planner, the guard and the
 * executor see only this interface and the {@link PreparedMigration} it prepares.
 * <p>
 * Implementations are immutable: a plan, the guard and the executor may each ask for the
 * same details.
 */
public interface Migration {

	/** What kind of migration it is, as the history records it. */
	MigrationKind kind();

	/**
	 * Versioned (applied once, in version order) or repeatable (re-applied when changed).
	 */
	MigrationType type();

	/** The version, {@code null} for a repeatable migration. */
	@Nullable Version version();

	/** What it does, as the history and every message show it. */
	String description();

	/**
	 * What the history's {@code script} column records: a file's path relative to its
	 * location, a class name.
	 */
	String script();

	/**
	 * Where it was found, for messages: {@code classpath:db/migration/V1__init.sql}, or a
	 * class name.
	 */
	String location();

	/**
	 * A checksum of what it does; a change after it was applied is a validation problem.
	 */
	int checksum();

	/**
	 * Reads what it will do and checks that it can run. Called for every pending
	 * migration before the first one runs, so a migration that cannot run stops the run
	 * before anything is applied.
	 * @throws dev.strata.source.MigrationSourceException naming where and why it cannot
	 * run (file and line for a SQL file)
	 */
	PreparedMigration prepare();

	/**
	 * The migration that reverts this one (a SQL migration's
	 * {@code U<version>__<description>.sql}), run by the {@code undo} command; its
	 * checksum is recorded when this one is applied. {@code null} when there is none.
	 */
	default @Nullable Migration undo() {
		return null;
	}

	/**
	 * {@code V1.2 (description)} or {@code R (description)}: how messages name a
	 * migration.
	 */
	default String displayName() {
		Version version = version();
		return MigrationNames.display((version != null) ? version.toString() : null, description());
	}

}

package dev.strata.guard.report;

import java.util.ArrayList;
import java.util.List;

import dev.strata.guard.internal.Guard;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.internal.RecognisedMigration;
import dev.strata.guard.TableSizes;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.migration.internal.Migrations;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.migration.sql.PlaceholderContext;
import dev.strata.migration.sql.SqlMigrationResolver;
import dev.strata.source.internal.CallbackFile;
import dev.strata.source.internal.MigrationSource;
import dev.strata.source.Location;
import dev.strata.migration.Migration;

/**
 * Lint without a database: every migration at the locations, judged by text alone (no
 * table sizes, no history). For a build step or a test; {@code Strata.lint()} is the
 * variant that knows which migrations are pending and how big the tables are.
 */
public final class Lint {

	private Lint() {
	}

	/**
	 * @param locations such as {@code classpath:db/migration} or
	 * {@code filesystem:src/main/resources/db/migration}
	 * @throws dev.strata.error.StrataException for a bad migration file or directive, as
	 * {@code migrate} would
	 */
	public static LintResult run(List<String> locations, ClassLoader classLoader, GuardSettings settings) {
		return run(locations, classLoader, settings, PlaceholderContext.none());
	}

	/**
	 * As {@link #run(List, ClassLoader, GuardSettings)}, with the files' placeholders
	 * replaced first (see {@link PlaceholderContext}: with no connection, the built-ins
	 * stand for what PostgreSQL would read, {@code current_user} and the schema or
	 * {@code public}).
	 */
	public static LintResult run(List<String> locations, ClassLoader classLoader, GuardSettings settings,
			PlaceholderContext placeholders) {
		List<Location> parsed = locations.stream().map(Location::parse).toList();
		List<Migration> files = new ArrayList<>(
				Migrations.resolve(List.of(new SqlMigrationResolver(parsed, classLoader, false, placeholders))));
		// The SQL callback files run on every migrate: judged like the migrations.
		for (CallbackFile callback : new MigrationSource(parsed, classLoader).loadCallbacks()) {
			files.add(new SqlMigration(callback.file(), placeholders));
		}
		return of(files, settings, TableSizes.NONE, LintScope.ALL);
	}

	/** Lints these files with these sizes. */
	public static LintResult of(List<Migration> files, GuardSettings settings, TableSizes sizes, LintScope scope) {
		Guard guard = new Guard(settings, sizes);
		// Each file's statements are read as soon as it is parsed, then let go: holding
		// every file's
		// until the last one was parsed made a lint spend most of its time collecting
		// garbage.
		List<RecognisedMigration> recognised = new MigrationPreparer().prepare(files, guard::recognise);
		// Pending migrations are one run; of all files, some may have been applied long
		// ago.
		List<GuardedMigration> judged = (scope == LintScope.PENDING) ? guard.judgeRun(recognised)
				: guard.judge(recognised);
		return new LintResult(scope, judged, sizes != TableSizes.NONE);
	}

}

package dev.strata.guard.report;

import java.util.List;

import dev.strata.guard.Guard;
import dev.strata.guard.GuardReport;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.TableSizes;
import dev.strata.plan.MigrationPreparer;
import dev.strata.plan.PreparedMigration;
import dev.strata.source.Location;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationSource;

/**
 * Lint without a database: every migration at the locations, judged by text alone (no table sizes,
 * no history). For a build step or a test; {@code Strata.lint()} is the variant that knows which
 * migrations are pending and how big the tables are.
 */
public final class Lint {

	private Lint() {
	}

	/**
	 * @param locations such as {@code classpath:db/migration} or {@code filesystem:src/main/resources/db/migration}
	 * @throws dev.strata.StrataException for a bad migration file or directive, as {@code migrate} would
	 */
	public static LintResult run(List<String> locations, ClassLoader classLoader, GuardSettings settings) {
		List<MigrationFile> files = new MigrationSource(locations.stream().map(Location::parse).toList(), classLoader)
			.load();
		return of(files, settings, TableSizes.NONE, LintScope.ALL);
	}

	/** Lints these files with these sizes. */
	public static LintResult of(List<MigrationFile> files, GuardSettings settings, TableSizes sizes, LintScope scope) {
		Guard guard = new Guard(settings, sizes);
		List<PreparedMigration> prepared = new MigrationPreparer().prepare(files);
		// Pending migrations are one run; of all files, some may have been applied long ago.
		GuardReport report = (scope == LintScope.PENDING) ? guard.checkRun(prepared) : guard.check(prepared);
		return new LintResult(scope, report.migrations(), sizes != TableSizes.NONE);
	}

}

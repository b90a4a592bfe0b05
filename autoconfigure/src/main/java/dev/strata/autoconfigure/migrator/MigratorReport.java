package dev.strata.autoconfigure.migrator;

import java.util.ArrayList;
import java.util.List;

import dev.strata.MigrateResult;
import dev.strata.archive.ArchiveEntry;
import dev.strata.error.ErrorCategory;
import dev.strata.fleet.FleetResult;
import dev.strata.drift.DriftReport;
import dev.strata.drift.SnapshotInfo;
import dev.strata.execute.SlowStatement;
import dev.strata.report.lint.LintFormat;
import dev.strata.guard.report.LintResult;
import dev.strata.plan.ValidationProblem;
import dev.strata.report.MigrationEntry;
import org.jspecify.annotations.Nullable;

/**
 * What one migrator run did, rendered as text or JSON. Every field is always present
 * (empty or {@code null} when it does not apply to the command), so scripts can rely on
 * the shape.
 *
 * @param command the command, as typed ({@code dry-run})
 * @param exitCode the process exit code
 * @param database the database connected to ({@code current_database()}), {@code null} if
 * none was reached
 * @param schema the schema of the history table
 * @param versionBefore the version before the command
 * @param versionAfter the version after the command
 * @param applied migrations applied by this run
 * @param adopted the Flyway history {@code migrate} adopted first, {@code null} if none
 * @param undone the undo files {@code undo} ran, newest version first
 * @param pending migrations still pending
 * @param migrations every migration and its state ({@code status} only)
 * @param problems what makes the history and the files disagree
 * @param dryRun what each pending migration would run ({@code dry-run} only)
 * @param removedFailed failed history entries {@code repair} removed
 * @param realigned history entries {@code repair} realigned to their files
 * @param lint what the guard found in the migrations ({@code lint} only)
 * @param lintFormat how the text report shows {@code lint} ({@code strata.lint.format});
 * not part of the JSON
 * @param drift the drift check ({@code drift}, {@code status}, {@code validate} with
 * {@code strata.migrator.fail-on-drift}); for {@code accept-drift}, the drift it accepted
 * @param snapshot the snapshot {@code accept-drift} took
 * @param warnings things that worked but deserve a look
 * @param slowStatements the statements that ran longer than
 * {@code strata.progress-interval} ({@code migrate} only)
 * @param fleet every tenant's result when tenants are configured ({@code migrate},
 * {@code validate}, {@code status}), else {@code null}
 * @param error why the run failed, {@code null} on success
 * @param durationMs how long the run took
 * @param archives the archives {@code archives} lists, {@code restore} restored or
 * {@code purge-archives} removed
 */
public record MigratorReport(String command, int exitCode, @Nullable String database, @Nullable String schema,
		@Nullable String versionBefore, @Nullable String versionAfter, List<MigrationEntry> applied,
		MigrateResult.@Nullable Adopted adopted, List<MigrationEntry> undone, List<MigrationEntry> pending,
		List<MigrationEntry> migrations, List<ValidationProblem> problems, List<DryRunMigration> dryRun,
		List<String> removedFailed, List<String> realigned, @Nullable LintResult lint, LintFormat lintFormat,
		@Nullable DriftReport drift, @Nullable SnapshotInfo snapshot, List<String> warnings,
		List<SlowStatement> slowStatements, @Nullable FleetResult fleet, @Nullable Failure error, long durationMs,
		List<ArchiveEntry> archives) {

	/**
	 * Version of the JSON document's shape; raised only for incompatible changes (2: the
	 * shapes shared with the Actuator endpoint, docs/schemas).
	 */
	public static final int FORMAT_VERSION = 2;

	public boolean isSuccess() {
		return this.error == null;
	}

	/** {@code SUCCESS} or {@code FAILURE}. */
	public String outcome() {
		return isSuccess() ? "SUCCESS" : "FAILURE";
	}

	/**
	 * What a pending migration would run.
	 *
	 * @param version its version, {@code null} for a repeatable migration
	 * @param description its description
	 * @param script its file name
	 * @param transactional whether it would run in one transaction
	 * @param nonTransactionalReason why not, empty if it would
	 * @param statements its statements, in order
	 */
	public record DryRunMigration(@Nullable String version, String description, String script, boolean transactional,
			String nonTransactionalReason, List<Statement> statements) {
	}

	/**
	 * One statement of a dry run.
	 *
	 * @param line the line it starts on
	 * @param sql its text
	 */
	public record Statement(int line, String sql) {
	}

	/**
	 * Why a run failed.
	 *
	 * @param category the error category ({@link ErrorCategory} name)
	 * @param message what happened and what to do, without credentials
	 */
	public record Failure(String category, String message) {
	}

	/** Collects a report while a command runs. */
	static final class Builder {

		private final String command;

		private final long start = System.nanoTime();

		private @Nullable String database;

		private @Nullable String schema;

		private @Nullable String versionBefore;

		private @Nullable String versionAfter;

		private List<MigrationEntry> applied = List.of();

		private MigrateResult.@Nullable Adopted adopted;

		private List<MigrationEntry> undone = List.of();

		private List<MigrationEntry> pending = List.of();

		private List<MigrationEntry> migrations = List.of();

		private List<ValidationProblem> problems = List.of();

		private List<DryRunMigration> dryRun = List.of();

		private List<String> removedFailed = List.of();

		private List<String> realigned = List.of();

		private @Nullable LintResult lint;

		private LintFormat lintFormat = LintFormat.TEXT;

		private @Nullable DriftReport drift;

		private @Nullable SnapshotInfo snapshot;

		private final List<String> warnings = new ArrayList<>();

		private List<SlowStatement> slowStatements = List.of();

		private @Nullable FleetResult fleet;

		private List<ArchiveEntry> archives = List.of();

		Builder(String command) {
			this.command = command;
		}

		Builder database(@Nullable String database) {
			this.database = database;
			return this;
		}

		Builder schema(@Nullable String schema) {
			this.schema = schema;
			return this;
		}

		Builder versions(@Nullable String before, @Nullable String after) {
			this.versionBefore = before;
			this.versionAfter = after;
			return this;
		}

		Builder applied(List<MigrationEntry> applied) {
			this.applied = List.copyOf(applied);
			return this;
		}

		Builder adopted(MigrateResult.@Nullable Adopted adopted) {
			this.adopted = adopted;
			return this;
		}

		Builder undone(List<MigrationEntry> undone) {
			this.undone = List.copyOf(undone);
			return this;
		}

		Builder pending(List<MigrationEntry> pending) {
			this.pending = List.copyOf(pending);
			return this;
		}

		Builder migrations(List<MigrationEntry> migrations) {
			this.migrations = List.copyOf(migrations);
			return this;
		}

		Builder problems(List<ValidationProblem> problems) {
			this.problems = List.copyOf(problems);
			return this;
		}

		Builder dryRun(List<DryRunMigration> dryRun) {
			this.dryRun = List.copyOf(dryRun);
			return this;
		}

		Builder repaired(List<String> removedFailed, List<String> realigned) {
			this.removedFailed = List.copyOf(removedFailed);
			this.realigned = List.copyOf(realigned);
			return this;
		}

		Builder lint(LintResult lint, LintFormat format) {
			this.lint = lint;
			this.lintFormat = format;
			return this;
		}

		Builder drift(DriftReport drift) {
			this.drift = drift;
			return this;
		}

		Builder snapshot(SnapshotInfo snapshot) {
			this.snapshot = snapshot;
			return this;
		}

		Builder warning(String warning) {
			this.warnings.add(warning);
			return this;
		}

		Builder slowStatements(List<SlowStatement> slowStatements) {
			this.slowStatements = List.copyOf(slowStatements);
			return this;
		}

		Builder fleet(FleetResult fleet) {
			this.fleet = fleet;
			return this;
		}

		Builder archives(List<ArchiveEntry> archives) {
			this.archives = List.copyOf(archives);
			return this;
		}

		MigratorReport success() {
			return build(0, null);
		}

		MigratorReport failure(ErrorCategory category, String message) {
			return build(MigratorExitCodes.of(category), new Failure(category.name(), message));
		}

		private MigratorReport build(int exitCode, @Nullable Failure error) {
			long durationMs = (System.nanoTime() - this.start) / 1_000_000;
			return new MigratorReport(this.command, exitCode, this.database, this.schema, this.versionBefore,
					this.versionAfter, this.applied, this.adopted, this.undone, this.pending, this.migrations,
					this.problems, this.dryRun, this.removedFailed, this.realigned, this.lint, this.lintFormat,
					this.drift, this.snapshot, List.copyOf(this.warnings), this.slowStatements, this.fleet, error,
					durationMs, this.archives);
		}

	}

}

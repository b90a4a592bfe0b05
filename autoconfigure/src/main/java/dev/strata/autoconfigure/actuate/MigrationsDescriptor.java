package dev.strata.autoconfigure.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.strata.drift.DriftState;
import dev.strata.execute.LockHolder;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.history.AppliedMigration;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.status.DriftCheck;
import dev.strata.status.MigrationProgress;
import dev.strata.status.MigrationReview;
import dev.strata.status.OverallState;
import dev.strata.status.StatusSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of {@code GET /actuator/migrations}.
 *
 * @param state the overall state
 * @param takenAt when the database was read (responses are served from a cache)
 * @param schema the schema of the history table
 * @param currentVersion the highest applied version
 * @param applied applied migrations, in order
 * @param pending migrations waiting to be applied, in the order they will run
 * @param problems what stops a migration
 * @param lock the migration lock
 * @param progress the run in progress in this process
 * @param error why the database could not be read
 * @param drift the latest schema drift check, in short
 * ({@code /actuator/migrations/drift} has it all)
 */
public record MigrationsDescriptor(OverallState state, Instant takenAt, @Nullable String schema,
		@Nullable String currentVersion, List<Applied> applied, List<Pending> pending, List<Problem> problems,
		Lock lock, MigrationProgress.@Nullable Progress progress, @Nullable String error,
		Drift drift) implements OperationResponseBody {

	static MigrationsDescriptor of(StatusSnapshot snapshot) {
		var status = snapshot.status();
		List<Applied> applied = (status != null) ? status.migrations()
			.stream()
			.filter((migration) -> migration.applied() != null && migration.state() != MigrationState.SUPERSEDED)
			.map(Applied::of)
			.toList() : List.of();
		List<Pending> pending = (status != null)
				? status.pending().stream().map((migration) -> Pending.of(migration, snapshot)).toList() : List.of();
		List<Problem> problems = (status != null) ? status.problems().stream().map(Problem::of).toList() : List.of();
		LockHolder holder = snapshot.lockHolder();
		Lock lock = (holder != null)
				? new Lock(true, holder.pid(), holder.applicationName(), holder.since(),
						holder.mode().name().toLowerCase(Locale.ROOT), holder.expires())
				: new Lock(false, null, null, null, null, null);
		return new MigrationsDescriptor(snapshot.state(), snapshot.takenAt(), (status != null) ? status.schema() : null,
				(status != null) ? status.currentVersion() : null, applied, pending, problems, lock,
				snapshot.progress(), snapshot.error(), Drift.of(snapshot.drift()));
	}

	/**
	 * An applied migration, as the history records it.
	 *
	 * @param version the version, {@code null} for repeatable migrations
	 * @param description the description
	 * @param type SQL, SQL_REPEATABLE or BASELINE
	 * @param script the file
	 * @param checksum the checksum recorded
	 * @param state its state: APPLIED, CHECKSUM_MISMATCH, MISSING, FAILED, INTERRUPTED,
	 * FUTURE…
	 * @param installedBy the database user that applied it
	 * @param installedOn when
	 * @param executionTimeMs how long it took
	 * @param success whether it completed
	 * @param transactional whether it ran in one transaction
	 */
	public record Applied(@Nullable String version, String description, String type, String script,
			@Nullable Integer checksum, MigrationState state, String installedBy, Instant installedOn,
			int executionTimeMs, boolean success, boolean transactional) {

		static Applied of(MigrationStatus status) {
			AppliedMigration row = status.applied();
			return new Applied(row.version(), row.description(), row.type().name(), row.script(), row.checksum(),
					status.state(), row.installedBy(), row.installedOn(), row.executionTimeMs(), row.success(),
					row.transactional());
		}

	}

	/**
	 * A migration waiting to be applied.
	 *
	 * @param version the version, {@code null} for repeatable migrations
	 * @param description the description
	 * @param script the file
	 * @param state PENDING, OUTDATED (a changed repeatable), OUT_OF_ORDER or INTERRUPTED
	 * (resumes where a killed run stopped)
	 * @param findings what the guard finds in it, judged by its text
	 * @param guardError why the guard could not judge it (a syntax error, an unknown rule
	 * in a directive)
	 */
	public record Pending(@Nullable String version, String description, String script, MigrationState state,
			List<FindingDescriptor> findings, @Nullable String guardError) {

		static Pending of(MigrationStatus status, StatusSnapshot snapshot) {
			MigrationReview review = snapshot.review(status.migration()).orElse(null);
			return new Pending(status.version(), status.description(), status.script(), status.state(),
					(review != null) ? FindingDescriptor.of(review) : List.of(),
					(review != null) ? review.error() : null);
		}

	}

	/**
	 * The latest schema drift check.
	 *
	 * @param state NO_DRIFT, DRIFTED, NO_SNAPSHOT or REBASELINE_NEEDED; {@code null}
	 * before the first successful check
	 * @param changedObjects objects that differ from the snapshot, {@code -1} when
	 * unknown
	 * @param snapshotTakenAt when the snapshot compared with was taken
	 * @param checkedAt when the last successful check ran (checks are skipped while a
	 * migration runs)
	 * @param message what the state means here
	 * @param error why the latest attempt failed, if it did
	 */
	public record Drift(@Nullable DriftState state, int changedObjects, @Nullable Instant snapshotTakenAt,
			@Nullable Instant checkedAt, @Nullable String message, @Nullable String error) {

		static Drift of(DriftCheck check) {
			return new Drift(check.state(), check.changedObjects(), check.snapshotTakenAt(), check.checkedAt(),
					(check.report() != null) ? check.report().message() : null, check.error());
		}

	}

	/**
	 * A validation problem.
	 *
	 * @param kind what kind
	 * @param migration which migration
	 * @param detail what is wrong
	 * @param fix what to do
	 */
	public record Problem(String kind, String migration, String detail, String fix) {

		static Problem of(ValidationProblem problem) {
			return new Problem(problem.kind().name(), problem.migration(), problem.detail(), problem.fix());
		}

	}

	/**
	 * The migration lock.
	 *
	 * @param held whether a migrator holds it
	 * @param pid the holder's backend pid (with a lease: the migrator's process id)
	 * @param applicationName the holder's application_name (with a lease: host, process
	 * and command)
	 * @param since when it took the lock
	 * @param mode {@code advisory} or {@code lease}
	 * @param expires when a lease runs out unless renewed
	 */
	public record Lock(boolean held, @Nullable Integer pid, @Nullable String applicationName, @Nullable Instant since,
			@Nullable String mode, @Nullable Instant expires) {
	}

}

package dev.strata.plan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import dev.strata.migration.Migration;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;

/**
 * Compares migration files with history rows. Pure: no database, no I/O, linear in the
 * number of files and rows, so it stays cheap for thousands of migrations.
 */
public final class Planner {

	private final boolean outOfOrder;

	/**
	 * @param outOfOrder whether a pending version older than the current one may be
	 * applied
	 */
	public Planner(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public MigrationPlan plan(List<Migration> files, List<AppliedMigration> history) {
		Map<Version, AppliedMigration> versionedRows = new HashMap<>();
		Map<String, AppliedMigration> repeatableRows = new LinkedHashMap<>();
		List<AppliedMigration> supersededRows = new ArrayList<>();
		List<AppliedMigration> undoRows = new ArrayList<>();
		AppliedMigration baseline = null;
		for (AppliedMigration row : history) {
			switch (row.type()) {
				case SQL, JAVA -> versionedRows.put(row.parsedVersion(), row);
				case UNDO_SQL -> {
					if (row.success()) {
						// The version is pending again: its applied row is history now.
						AppliedMigration reverted = versionedRows.remove(row.parsedVersion());
						if (reverted != null) {
							supersededRows.add(reverted);
						}
						undoRows.add(row);
					}
					else {
						versionedRows.put(row.parsedVersion(), row);
					}
				}
				case SQL_REPEATABLE, JAVA_REPEATABLE -> {
					AppliedMigration previous = repeatableRows.put(row.description(), row);
					if (previous != null) {
						supersededRows.add(previous);
					}
				}
				case BASELINE -> baseline = row;
			}
		}
		Version baselineVersion = (baseline != null) ? baseline.parsedVersion() : null;
		Version current = currentVersion(versionedRows, baselineVersion);
		Version newestFile = null;
		for (Migration file : files) {
			if (file.version() != null) {
				newestFile = file.version();
			}
		}

		List<MigrationStatus> statuses = new ArrayList<>();
		List<Migration> pendingVersioned = new ArrayList<>();
		List<Migration> pendingRepeatable = new ArrayList<>();
		List<ValidationProblem> problems = new ArrayList<>();
		if (baseline != null) {
			statuses.add(new MigrationStatus(MigrationState.BASELINE, null, baseline));
		}
		Set<Version> fileVersions = new HashSet<>();
		Set<String> repeatableDescriptions = new HashSet<>();
		for (Migration file : files) {
			if (file.type() == MigrationType.VERSIONED) {
				fileVersions.add(file.version());
				MigrationStatus status = versioned(file, versionedRows.get(file.version()), baselineVersion, current);
				statuses.add(status);
				addProblem(status, problems);
				if (status.state() == MigrationState.APPLIED && undoChanged(status.applied(), file)) {
					problems.add(Problems.undoChanged(status.applied(), file));
				}
				if (status.state() == MigrationState.PENDING || status.state() == MigrationState.OUT_OF_ORDER
						|| status.state() == MigrationState.INTERRUPTED) {
					pendingVersioned.add(file);
				}
			}
			else {
				repeatableDescriptions.add(file.description());
				MigrationStatus status = repeatable(file, repeatableRows.get(file.description()));
				statuses.add(status);
				addProblem(status, problems);
				if (status.state() == MigrationState.PENDING || status.state() == MigrationState.OUTDATED
						|| status.state() == MigrationState.INTERRUPTED) {
					pendingRepeatable.add(file);
				}
			}
		}
		for (Map.Entry<Version, AppliedMigration> row : versionedRows.entrySet()) {
			if (!fileVersions.contains(row.getKey())) {
				MigrationStatus status = unknownVersion(row.getValue(), row.getKey(), newestFile);
				statuses.add(status);
				addProblem(status, problems);
			}
		}
		for (AppliedMigration row : repeatableRows.values()) {
			if (!repeatableDescriptions.contains(row.description())) {
				MigrationStatus status = new MigrationStatus(
						row.success() ? MigrationState.MISSING : MigrationState.FAILED, null, row);
				statuses.add(status);
				addProblem(status, problems);
			}
		}
		for (AppliedMigration row : history) {
			if (!row.intact()) {
				problems.add(Problems.edited(row));
			}
		}
		for (AppliedMigration row : supersededRows) {
			statuses.add(new MigrationStatus(MigrationState.SUPERSEDED, null, row));
		}
		for (AppliedMigration row : undoRows) {
			statuses.add(new MigrationStatus(MigrationState.UNDONE, null, row));
		}
		statuses.sort(STATUS_ORDER);
		pendingVersioned.addAll(pendingRepeatable);
		return new MigrationPlan(List.copyOf(statuses), List.copyOf(pendingVersioned), List.copyOf(problems), current);
	}

	private MigrationStatus versioned(Migration file, @Nullable AppliedMigration row, @Nullable Version baseline,
			@Nullable Version current) {
		if (row != null) {
			if (row.type() == HistoryType.UNDO_SQL) {
				// An undo stopped part-way outside a transaction: only a person can tell.
				return new MigrationStatus(MigrationState.FAILED, file, row);
			}
			if (!row.success()) {
				return new MigrationStatus(
						Resumability.canResume(row, file) ? MigrationState.INTERRUPTED : MigrationState.FAILED, file,
						row);
			}
			if (!checksumMatches(row, file)) {
				return new MigrationStatus(MigrationState.CHECKSUM_MISMATCH, file, row);
			}
			if (!row.description().equals(file.description())) {
				return new MigrationStatus(MigrationState.DESCRIPTION_MISMATCH, file, row);
			}
			return new MigrationStatus(MigrationState.APPLIED, file, row);
		}
		if (baseline != null && file.version().compareTo(baseline) <= 0) {
			return new MigrationStatus(MigrationState.BELOW_BASELINE, file, null);
		}
		if (current != null && file.version().compareTo(current) < 0) {
			return new MigrationStatus(this.outOfOrder ? MigrationState.OUT_OF_ORDER : MigrationState.IGNORED, file,
					null);
		}
		return new MigrationStatus(MigrationState.PENDING, file, null);
	}

	private static MigrationStatus repeatable(Migration file, @Nullable AppliedMigration row) {
		if (row == null) {
			return new MigrationStatus(MigrationState.PENDING, file, null);
		}
		if (!row.success()) {
			return new MigrationStatus(
					Resumability.canResume(row, file) ? MigrationState.INTERRUPTED : MigrationState.FAILED, file, row);
		}
		if (!checksumMatches(row, file)) {
			return new MigrationStatus(MigrationState.OUTDATED, file, row);
		}
		return new MigrationStatus(MigrationState.APPLIED, file, row);
	}

	/**
	 * A Java migration Flyway applied has no checksum in its history (Flyway records
	 * none), so there is nothing to compare with the migration that now stands for it.
	 */
	private static boolean checksumMatches(AppliedMigration row, Migration file) {
		if (row.checksum() == null) {
			return row.type() == HistoryType.JAVA || row.type() == HistoryType.JAVA_REPEATABLE;
		}
		return row.checksum() == file.checksum();
	}

	/**
	 * Whether the undo file recorded when the migration was applied is no longer the one
	 * beside it (edited or removed). A row recorded without one is not compared: the undo
	 * file may come later.
	 */
	private static boolean undoChanged(AppliedMigration row, Migration file) {
		if (row.undoChecksum() == null) {
			return false;
		}
		Migration undo = file.undo();
		return undo == null || undo.checksum() != row.undoChecksum();
	}

	private static MigrationStatus unknownVersion(AppliedMigration row, Version version, @Nullable Version newestFile) {
		if (!row.success()) {
			return new MigrationStatus(MigrationState.FAILED, null, row);
		}
		boolean future = newestFile == null || version.compareTo(newestFile) > 0;
		return new MigrationStatus(future ? MigrationState.FUTURE : MigrationState.MISSING, null, row);
	}

	/**
	 * The newest successful version among {@code rows} (keyed by their parsed version).
	 */
	private static @Nullable Version currentVersion(Map<Version, AppliedMigration> rows, @Nullable Version baseline) {
		Version current = baseline;
		for (Map.Entry<Version, AppliedMigration> row : rows.entrySet()) {
			if (row.getValue().success() && (current == null || row.getKey().compareTo(current) > 0)) {
				current = row.getKey();
			}
		}
		return current;
	}

	private static void addProblem(MigrationStatus status, List<ValidationProblem> problems) {
		ValidationProblem problem = Problems.of(status);
		if (problem != null) {
			problems.add(problem);
		}
	}

	/**
	 * A status's version, parsed: the file's where there is one (no parsing), else its
	 * history row's. Sorting compares every status several times, and a fleet plans
	 * thousands of tenants at once.
	 */
	private static @Nullable Version parsedVersion(MigrationStatus status) {
		if (status.migration() != null && status.migration().version() != null) {
			return status.migration().version();
		}
		return (status.applied() != null) ? status.applied().parsedVersion() : null;
	}

	private static final Comparator<MigrationStatus> STATUS_ORDER = (a, b) -> {
		Version va = parsedVersion(a);
		Version vb = parsedVersion(b);
		if (va != null && vb != null) {
			int byVersion = va.compareTo(vb);
			if (byVersion != 0) {
				return byVersion;
			}
			return Boolean.compare(a.state() != MigrationState.BASELINE, b.state() != MigrationState.BASELINE);
		}
		if (va != null || vb != null) {
			return (va != null) ? -1 : 1;
		}
		int byDescription = a.description().compareTo(b.description());
		if (byDescription != 0) {
			return byDescription;
		}
		int rankA = (a.applied() != null) ? a.applied().installedRank() : Integer.MAX_VALUE;
		int rankB = (b.applied() != null) ? b.applied().installedRank() : Integer.MAX_VALUE;
		return Integer.compare(rankA, rankB);
	};

}

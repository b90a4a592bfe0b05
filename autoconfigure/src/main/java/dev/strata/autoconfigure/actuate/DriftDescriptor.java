package dev.strata.autoconfigure.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.strata.drift.AttributeChange;
import dev.strata.drift.ChangeType;
import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import dev.strata.drift.ObjectChange;
import dev.strata.drift.SnapshotInfo;
import dev.strata.status.DriftCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of {@code GET /actuator/migrations/drift}: the latest drift check with every
 * object that differs from the stored snapshot.
 *
 * @param state NO_DRIFT, DRIFTED, NO_SNAPSHOT or REBASELINE_NEEDED; {@code null} before
 * the first successful check
 * @param message what the state means here
 * @param schemas the schemas compared
 * @param checkedAt when the check ran (the last one that succeeded)
 * @param durationMs how long it took
 * @param changedObjects objects that differ, {@code -1} when unknown
 * @param snapshot the stored snapshot compared with
 * @param changes each object added, removed or changed
 * @param error why the latest attempt failed, if it did (the report is then the previous
 * one)
 */
public record DriftDescriptor(@Nullable DriftState state, @Nullable String message, List<String> schemas,
		@Nullable Instant checkedAt, @Nullable Long durationMs, int changedObjects, @Nullable Snapshot snapshot,
		List<Change> changes, @Nullable String error) implements OperationResponseBody {

	static DriftDescriptor of(DriftCheck check) {
		DriftReport report = check.report();
		if (report == null) {
			return new DriftDescriptor(null, null, List.of(), null, null, -1, null, List.of(), check.error());
		}
		SnapshotInfo info = report.snapshot();
		Snapshot snapshot = (info != null)
				? new Snapshot(info.takenAt(), info.reason(), info.serverMajor(), info.objectCount()) : null;
		return new DriftDescriptor(report.state(), report.message(), report.schemas(), report.checkedAt(),
				report.duration().toMillis(), check.changedObjects(), snapshot,
				report.changes().stream().map(Change::of).toList(), check.error());
	}

	/**
	 * The stored snapshot.
	 *
	 * @param takenAt when it was taken
	 * @param reason MIGRATE, BASELINE or ACCEPTED
	 * @param postgresMajor the PostgreSQL major version it was taken on
	 * @param objects how many objects it holds
	 */
	public record Snapshot(Instant takenAt, String reason, int postgresMajor, int objects) {
	}

	/**
	 * An object that differs.
	 *
	 * @param kind table, column, index, function, …
	 * @param identity schema-qualified name (a column's name for the columns of a table)
	 * @param change ADDED, REMOVED or CHANGED
	 * @param before its stored attributes, empty when added
	 * @param after its live attributes, empty when removed
	 * @param attributes for a changed object, each attribute that differs
	 * @param columns for a table, each column added, removed or changed
	 */
	public record Change(String kind, String identity, ChangeType change, Map<String, String> before,
			Map<String, String> after, List<Attribute> attributes, List<Change> columns) {

		static Change of(ObjectChange change) {
			return new Change(change.kind().label(), change.identity(), change.change(), change.before(),
					change.after(), change.attributes().stream().map(Attribute::of).toList(),
					change.columns().stream().map(Change::of).toList());
		}

	}

	/**
	 * An attribute that changed.
	 *
	 * @param name such as {@code type} or {@code definition}
	 * @param before the stored value
	 * @param after the live value
	 * @param diff a unified diff for multi-line values (function and view bodies)
	 */
	public record Attribute(String name, @Nullable String before, @Nullable String after, @Nullable String diff) {

		static Attribute of(AttributeChange change) {
			return new Attribute(change.name(), change.before(), change.after(), change.diff());
		}

	}

}

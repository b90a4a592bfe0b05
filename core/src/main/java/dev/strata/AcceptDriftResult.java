package dev.strata;

import dev.strata.drift.DriftReport;
import dev.strata.drift.SnapshotInfo;

/**
 * What {@code accept-drift} did.
 *
 * @param target the name of the target (see
 * {@link dev.strata.targets.MigrationTarget#name()})
 * @param schema the schema holding the history table
 * @param accepted the drift found just before re-baselining: what was accepted, for the
 * audit log
 * @param snapshot the new snapshot
 */
public record AcceptDriftResult(String target, String schema, DriftReport accepted, SnapshotInfo snapshot) {
}

package dev.strata;

import java.util.List;

/**
 * What {@code repair} changed in the history.
 *
 * @param target the name of the target (see
 * {@link dev.strata.targets.MigrationTarget#name()})
 * @param schema the schema holding the history table
 * @param removedFailed the failed entries removed, as {@code V3 (add index)}
 * @param realigned the applied entries whose checksum or description now match their
 * files
 */
public record RepairResult(String target, String schema, List<String> removedFailed, List<String> realigned) {
}

package dev.strata;

/**
 * What {@code baseline} recorded.
 *
 * @param target the name of the target (see
 * {@link dev.strata.targets.MigrationTarget#name()})
 * @param schema the schema holding the history table
 * @param version the baseline version: migrations at or below it are taken as already
 * applied
 */
public record BaselineResult(String target, String schema, String version) {
}

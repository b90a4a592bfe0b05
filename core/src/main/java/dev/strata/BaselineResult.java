package dev.strata;

/**
 * What {@code baseline} recorded.
 *
 * @param schema the schema holding the history table
 * @param version the baseline version: migrations at or below it are taken as already
 * applied
 */
public record BaselineResult(String schema, String version) {
}

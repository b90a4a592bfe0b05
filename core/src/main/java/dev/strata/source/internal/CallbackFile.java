package dev.strata.source.internal;

import dev.strata.source.MigrationFile;

/**
 * A SQL callback file found at a location ({@code afterMigrate__grants.sql}), read like a
 * migration file.
 *
 * @param name its event and description
 * @param file its text, with the path recorded as its script and where it was found as
 * its location
 */
public record CallbackFile(CallbackFileName name, MigrationFile file) {

}

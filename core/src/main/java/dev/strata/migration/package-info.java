/**
 * Stage 3: what a migration is, whatever its kind. A {@link Migration} has a version, a
 * description and a checksum, and prepares itself ({@link PreparedMigration}): checked,
 * with its SQL statements for the guard where it has any, and a {@link MigrationBody} the
 * executor runs in a {@link MigrationRun}. {@link MigrationResolver}s find migrations;
 * {@link Migrations} merges what they find. SQL files are the first kind
 * ({@code dev.strata.migration.sql}).
 */
@NullMarked
package dev.strata.migration;

import org.jspecify.annotations.NullMarked;
import dev.strata.migration.internal.Migrations;

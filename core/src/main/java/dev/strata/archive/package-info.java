/**
 * The safety net under allowed destruction: before a destructive statement the guard let
 * through runs, Strata keeps what it removes in a schema of its own
 * ({@code strata.archive.schema}), in the migration's transaction, and records each
 * archive ({@link ArchiveEntry}); an archive can be listed, restored and purged.
 */
@NullMarked
package dev.strata.archive;

import org.jspecify.annotations.NullMarked;

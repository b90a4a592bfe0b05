/**
 * Migrator mode: the application's own jar runs one Strata command with no web server,
 * prints a report and exits with a code that says what happened. Active with the
 * {@code migrator} profile or {@code strata.migrator.enabled=true}.
 */
@NullMarked
package dev.strata.autoconfigure.migrator;

import org.jspecify.annotations.NullMarked;

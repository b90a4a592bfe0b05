/**
 * Java migrations: data migrations written in Java (backfills, re-encrypting a column,
 * splitting a table in batches) that run like a SQL file, in its version order, its
 * transaction, under the same lock and timeouts, with a history row of type {@code JAVA}
 * or {@code JAVA_REPEATABLE}. Implement {@link JavaMigration}, or extend
 * {@link BaseJavaMigration} to take the version and description from the class name as
 * Flyway does ({@code V12__Backfill_totals}). The guard cannot read Java, so every Java
 * migration runs with the effect check on; {@link Allow} allows what it would refuse.
 */
@NullMarked
package dev.strata.migration.java;

import org.jspecify.annotations.NullMarked;

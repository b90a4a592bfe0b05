/**
 * Stage 5: compares the migration files with the history and says what is applied,
 * pending, failed, missing or out of order, and which problems stop a migration.
 */
@NullMarked
package dev.strata.plan;

import org.jspecify.annotations.NullMarked;

/**
 * Stage 6: applies a plan under a PostgreSQL advisory lock, one transaction per migration
 * where PostgreSQL allows it, with lock and statement timeouts.
 */
@NullMarked
package dev.strata.execute;

import org.jspecify.annotations.NullMarked;

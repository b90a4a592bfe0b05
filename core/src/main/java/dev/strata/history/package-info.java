/**
 * Stage 4: the history table {@code strata_schema_history}: creating, reading and writing
 * it.
 */
@NullMarked
package dev.strata.history;

import org.jspecify.annotations.NullMarked;

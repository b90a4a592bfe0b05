/**
 * Where a command works: a DataSource, the schema that holds the history, the history
 * table and the {@code search_path} migrations run with. The first stage: every later one
 * may name the target it works on.
 */
@NullMarked
package dev.strata.targets;

import org.jspecify.annotations.NullMarked;

/**
 * The effect check: what text cannot show (a function's body, a {@code DO} block), seen
 * in the catalog inside the migration's transaction before it commits.
 */
@NullMarked
package dev.strata.guard.effect;

import org.jspecify.annotations.NullMarked;

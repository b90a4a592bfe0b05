/**
 * The lint: what the guard thinks of a set of migrations, with a verdict. How it is
 * written (text, JSON, GitHub annotations, SARIF) is {@code strata-report}'s business.
 */
@NullMarked
package dev.strata.guard.report;

import org.jspecify.annotations.NullMarked;

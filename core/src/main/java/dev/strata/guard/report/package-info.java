/**
 * The lint report: what the guard thinks of a set of migrations, with a verdict, rendered
 * as text, JSON, GitHub annotations or SARIF for code scanning.
 */
@NullMarked
package dev.strata.guard.report;

import org.jspecify.annotations.NullMarked;

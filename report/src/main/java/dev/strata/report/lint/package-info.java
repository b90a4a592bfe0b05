/**
 * The lint report's formats ({@code strata.lint.format}): text for people, JSON for
 * tools, GitHub workflow annotations and SARIF for code scanning. The same rendering
 * serves the migrator's {@code lint} command, {@code strata-test} and build tools.
 */
@NullMarked
package dev.strata.report.lint;

import org.jspecify.annotations.NullMarked;

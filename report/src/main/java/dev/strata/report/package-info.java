/**
 * Strata's results written down: the JSON documents of status, migrate, drift and the
 * endpoint ({@link dev.strata.report.StatusJson}), shared by the migrator, the Actuator
 * endpoint and anything else that prints or serves them. Each document's shape is
 * described by a JSON Schema in {@code docs/schemas}.
 */
@NullMarked
package dev.strata.report;

import org.jspecify.annotations.NullMarked;

/**
 * What the operator sees: the overall state of migrations, cached so that health checks
 * and scrapes never reach the database more than once per interval, and never block
 * behind a running migration.
 */
@NullMarked
package dev.strata.status;

import org.jspecify.annotations.NullMarked;

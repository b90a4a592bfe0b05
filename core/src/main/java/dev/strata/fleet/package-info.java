/**
 * Fleets: one run of the same migrations over many targets, a tenant schema each (or a
 * database each). {@link dev.strata.fleet.Fleet} builds one
 * {@link dev.strata.StrataConfig} per tenant and runs the commands on each, with bounded
 * parallelism, each tenant under its own lock; the restart with nothing to do reads every
 * tenant's history in one query. Above the commands: nothing below knows there are
 * several targets.
 */
@NullMarked
package dev.strata.fleet;

import org.jspecify.annotations.NullMarked;

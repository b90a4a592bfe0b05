/**
 * How a fleet runs: the catalog read once for every tenant, and the bounded, parallel run
 * over the tenants that have work.
 */
@NullMarked
package dev.strata.fleet.internal;

import org.jspecify.annotations.NullMarked;

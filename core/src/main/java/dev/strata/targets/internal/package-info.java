/**
 * How a target's server is told apart where that takes a query.
 */
@NullMarked
package dev.strata.targets.internal;

import org.jspecify.annotations.NullMarked;

/**
 * How Strata fails: {@link dev.strata.error.StrataException}, the base of every exception
 * Strata throws, and its {@link dev.strata.error.ErrorCategory}. Below every stage, so
 * that each stage can fail in Strata's terms without depending on the commands above it.
 */
@NullMarked
package dev.strata.error;

import org.jspecify.annotations.NullMarked;

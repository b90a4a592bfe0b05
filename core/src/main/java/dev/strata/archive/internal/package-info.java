/**
 * The archive's implementation: recognising what a destructive statement removes, keeping
 * it, the table of archives, restoring and purging.
 */
@NullMarked
package dev.strata.archive.internal;

import org.jspecify.annotations.NullMarked;

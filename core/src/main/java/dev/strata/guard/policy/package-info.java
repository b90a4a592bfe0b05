/**
 * Whether a finding refuses a migration, warns or was allowed: one decision, shared by
 * the text guard and the in-transaction effect check, so that the two can never disagree.
 */
@NullMarked
package dev.strata.guard.policy;

import org.jspecify.annotations.NullMarked;

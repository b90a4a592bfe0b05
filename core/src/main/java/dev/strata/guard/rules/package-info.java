/**
 * What the guard finds: the {@link dev.strata.guard.rules.Rule rules} (one constant each,
 * the single source of truth for id, severity, lock and advice) and the detectors that
 * report them, one class per kind of statement, chosen by the
 * {@link dev.strata.guard.rules.internal.StatementRecogniser recogniser} from the
 * statement's leading keywords. Detectors report facts only; whether a finding refuses is
 * decided by {@link dev.strata.guard.policy}.
 */
@NullMarked
package dev.strata.guard.rules;

import org.jspecify.annotations.NullMarked;
import dev.strata.guard.rules.internal.StatementRecogniser;

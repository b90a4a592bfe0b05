/**
 * Stage 3, between plan and execute: the guard. It classifies each statement of a
 * prepared migration by its leading keywords (and, for {@code ALTER TABLE}, by each
 * action) into {@link dev.strata.guard.Finding findings} of a
 * {@link dev.strata.guard.rules.Rule rule}, decides which refuse the migration, which
 * only warn and which a directive or property allowed, and, for what text cannot show,
 * checks the effect inside the migration's transaction before it commits.
 *
 * <p>
 * It works on the lexer's tokens: keywords inside strings, comments, quoted identifiers
 * and function bodies are never seen as keywords. It is not a SQL parser: a statement it
 * does not recognise is reported ({@code unrecognised-statement}), never taken as safe.
 */
@NullMarked
package dev.strata.guard;

import org.jspecify.annotations.NullMarked;

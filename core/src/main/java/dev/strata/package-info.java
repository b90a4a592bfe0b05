/**
 * Strata's engine: the {@link dev.strata.Strata} facade and its commands. The pipeline
 * stages live in sub-packages: {@code source} → {@code sql} → {@code history} →
 * {@code plan} → {@code execute}.
 */
@NullMarked
package dev.strata;

import org.jspecify.annotations.NullMarked;

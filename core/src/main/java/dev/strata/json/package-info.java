/**
 * The one JSON writer behind every JSON report Strata prints: small, streaming, no
 * library.
 */
@NullMarked
package dev.strata.json;

import org.jspecify.annotations.NullMarked;

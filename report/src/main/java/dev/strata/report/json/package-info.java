/**
 * The one JSON writer behind every JSON document Strata prints or serves: small,
 * streaming, no library.
 */
@NullMarked
package dev.strata.report.json;

import org.jspecify.annotations.NullMarked;

/**
 * Spring Boot auto-configuration for Strata: wiring only; the behaviour lives in
 * {@code strata-core}.
 */
@NullMarked
package dev.strata.autoconfigure;

import org.jspecify.annotations.NullMarked;

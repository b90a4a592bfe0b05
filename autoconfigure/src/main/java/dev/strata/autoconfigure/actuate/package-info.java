/**
 * Actuator endpoint, health indicator and Micrometer metrics for Strata, each configured
 * only when the application has the matching Spring Boot module.
 */
@NullMarked
package dev.strata.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;

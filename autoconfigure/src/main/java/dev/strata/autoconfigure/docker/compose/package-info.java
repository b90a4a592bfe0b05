/**
 * Strata's service connection from a {@code postgres} service of Spring Boot's Docker
 * Compose support.
 */
@NullMarked
package dev.strata.autoconfigure.docker.compose;

import org.jspecify.annotations.NullMarked;

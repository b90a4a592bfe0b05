/**
 * Strata's service connection from a Testcontainers PostgreSQL container
 * ({@code @ServiceConnection}).
 */
@NullMarked
package dev.strata.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;

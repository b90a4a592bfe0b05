/**
 * A real PostgreSQL for tests: an external server, Testcontainers or embedded binaries.
 */
package dev.strata.test;
